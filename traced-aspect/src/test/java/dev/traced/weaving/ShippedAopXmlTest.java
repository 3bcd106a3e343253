package dev.traced.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The shipped aop.xml keeps weaving cheap and never narrows what applications weave. */
class ShippedAopXmlTest {

  private static Document aopXml() throws Exception {
    try (InputStream in = ShippedAopXmlTest.class.getResourceAsStream("/META-INF/aop.xml")) {
      assertThat(in).as("META-INF/aop.xml on the class path").isNotNull();
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
  }

  private static List<String> attributes(Document document, String element, String attribute) {
    NodeList nodes = document.getElementsByTagName(element);
    List<String> values = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(((Element) nodes.item(i)).getAttribute(attribute));
    }
    return values;
  }

  @Test
  void declaresTheConcreteAspects() throws Exception {
    List<String> aspects = attributes(aopXml(), "aspect", "name");
    assertThat(aspects).containsExactly("dev.traced.aspect.TracedAspect", "dev.traced.aspect.CurrentSpanAspect");
    for (String aspect : aspects) {
      assertThat(Class.forName(aspect)).isNotNull();
    }
  }

  @Test
  void includesNothingSoThatApplicationsStayWoven() throws Exception {
    assertThat(aopXml().getElementsByTagName("include").getLength()).isZero();
  }

  @Test
  void excludesOnlyByPackagePrefixWhichNeedsNoClassParsing() throws Exception {
    List<String> excludes = attributes(aopXml(), "exclude", "within");

    assertThat(excludes)
        .isNotEmpty()
        .allMatch(pattern -> pattern.matches("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.\\.\\*"), "a.b..* pattern")
        .contains("java..*", "io.opentelemetry..*", "io.netty..*", "io.vertx..*", "org.aspectj..*", "com.fasterxml..*")
        .doesNotHaveDuplicates();
  }
}
