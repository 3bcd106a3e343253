package dev.traced.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.weaving.configured.ConfiguredApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Settings an application is started with, each in a JVM of its own: {@code traced.exclude},
 * {@code traced.metrics}, and a {@code TracedMethods} concrete aspect in the application's own
 * {@code META-INF/aop.xml}, written exactly as the README shows it, and with the mistakes of the
 * README's troubleshooting table.
 */
class ConfigurationTest {

  private static final String PACKAGE = "dev.traced.weaving.configured.";

  /** The README's example, with this test's package, and a pointcut expression to fill in. */
  private static final String AOP_XML =
      """
      <aspectj>
        <aspects>
          <concrete-aspect name="dev.traced.weaving.configured.TracedListed" extends="dev.traced.aspect.TracedMethods">
            <pointcut name="methods" expression="%s"/>
          </concrete-aspect>
        </aspects>
      </aspectj>
      """;

  private static final String LISTED_METHODS = "execution(* dev.traced.weaving.configured.Listed.*(..))";

  @TempDir Path application;

  @Test
  void methodsListedInTheApplicationsAopXmlGetDefaultSpans() throws Exception {
    List<String> lines = run(List.of());

    assertThat(spans(lines))
        .containsExactly(
            "Orders.place", "Orders.cancel", "Orders.cancel", "Invoices.send", "Listed.work", "Listed.add", "own-settings");
    assertThat(attributes(lines))
        .containsExactlyInAnyOrder("Orders.place invoice.for=placed", "Orders.place invoice.note=invoice for placed");
  }

  @Test
  void aPointcutThatNamesTheTypeTracesItsMethodsOnly() throws Exception {
    // within() also picks Listed's constructor, its static initialization and the call its lambda
    // makes: none of them is a method of Listed to trace, and around advice on the static
    // initialization of a type cannot be woven at all.
    List<String> lines = run(List.of(), aopXml("within(dev.traced.weaving.configured.Listed)"));

    assertThat(spans(lines))
        .containsExactly(
            "Orders.place", "Orders.cancel", "Orders.cancel", "Invoices.send", "Listed.work", "Listed.add", "own-settings");
    assertThat(lines).allMatch(line -> line.startsWith("span ") || line.startsWith("attribute "));
  }

  @Test
  void aCallPointcutTracesNothing() throws Exception {
    List<String> lines = run(List.of(), aopXml("call(* dev.traced.weaving.configured.Listed.*(..))"));

    assertThat(spans(lines)).containsExactly("Orders.place", "Orders.cancel", "Orders.cancel", "Invoices.send", "own-settings");
    assertThat(lines).allMatch(line -> line.startsWith("span ") || line.startsWith("attribute "));
  }

  // The README's troubleshooting table: what the weaver prints for each mistake in an aop.xml, and
  // what it still weaves.

  @Test
  void aPointcutThatDoesNotParseIsNamedAndEverythingElseIsWoven() throws Exception {
    List<String> lines = run(List.of(), aopXml("execution(* dev.traced.weaving.configured.Listed.*(..)"));

    assertThat(spans(lines)).containsExactly("Orders.place", "Orders.cancel", "Orders.cancel", "Invoices.send", "own-settings");
    assertThat(lines).anyMatch(line -> line.contains("error") && line.contains("Invalid pointcut 'execution(* dev.traced.weaving.configured.Listed.*(..)'"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "extends=\"dev.traced.aspect.TracedMethods\" | extends=\"dev.traced.aspect.TraceMethods\" | error Cannot find parent aspect for: <concrete-aspect name='dev.traced.weaving.configured.TracedListed'",
        "name=\"methods\" | name=\"method\" | error Abstract pointcut 'methods' not configured"
      })
  void aConcreteAspectThatCannotBeRegisteredIsNamedAndNothingIsWoven(String written, String mistaken, String reported)
      throws Exception {
    List<String> lines = run(List.of(), aopXml(LISTED_METHODS).replace(written, mistaken));

    assertThat(spans(lines)).isEmpty();
    assertThat(lines)
        .anyMatch(line -> line.contains(reported))
        .anyMatch(line -> line.contains("warning failure(s) registering aspects. Disabling weaver for class loader"));
  }

  @Test
  void xmlThatIsNotWellFormedIsNamedAndNothingIsWoven() throws Exception {
    List<String> lines = run(List.of(), aopXml(LISTED_METHODS).replace("</aspectj>", "</aspectj"));

    assertThat(spans(lines)).isEmpty();
    assertThat(lines).anyMatch(line -> line.contains("warning parse definitions failed -- (SAXParseException)"));
  }

  @Test
  void excludedClassesAndMethodsRunUntracedAndMalformedEntriesAreReportedOnceEach() throws Exception {
    List<String> lines =
        run(List.of("-Dtraced.exclude=" + PACKAGE + "Invoices, " + PACKAGE + "Orders#cancel,not a class,Orders#,#place,,"));

    assertThat(spans(lines)).containsExactly("Orders.place", "Listed.work", "Listed.add", "own-settings");
    assertThat(attributes(lines)).as("an excluded @CurrentSpan method records nothing").isEmpty();
    assertThat(lines.stream().filter(line -> line.startsWith("traced:")))
        .containsExactly(
            "traced: -Dtraced.exclude: ignored \"not a class\", not a class (com.acme.Orders) or a method (com.acme.Orders#place)",
            "traced: -Dtraced.exclude: ignored \"Orders#\", not a class (com.acme.Orders) or a method (com.acme.Orders#place)",
            "traced: -Dtraced.exclude: ignored \"#place\", not a class (com.acme.Orders) or a method (com.acme.Orders#place)");
  }

  @Test
  void tracedMetricsRecordsTheDurationOfEveryTracedMethod() throws Exception {
    List<String> lines = run(List.of("-Dtraced.metrics=true"));

    assertThat(lines.stream().filter(line -> line.startsWith("metric ")))
        .containsExactlyInAnyOrder(
            "metric " + PACKAGE + "Orders.place 1",
            "metric " + PACKAGE + "Orders.cancel 2",
            "metric " + PACKAGE + "Invoices.send 1",
            "metric " + PACKAGE + "Listed.work 1",
            "metric " + PACKAGE + "Listed.add 1",
            "metric " + PACKAGE + "Listed.annotated 1");
  }

  @Test
  void withoutTheSettingNoMetricIsRecorded() throws Exception {
    assertThat(run(List.of())).noneMatch(line -> line.startsWith("metric "));
  }

  private static String aopXml(String methods) {
    return AOP_XML.formatted(methods);
  }

  private List<String> run(List<String> options) throws Exception {
    return run(options, aopXml(LISTED_METHODS));
  }

  private List<String> run(List<String> options, String aopXml) throws Exception {
    Files.createDirectories(application.resolve("META-INF"));
    Files.writeString(application.resolve("META-INF/aop.xml"), aopXml);
    List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    classPath.add(0, application.toString());
    return WovenJvm.run(ConfiguredApp.class, classPath, options);
  }

  private static List<String> spans(List<String> lines) {
    return printed(lines, "span ");
  }

  private static List<String> attributes(List<String> lines) {
    return printed(lines, "attribute ");
  }

  /** What {@code ConfiguredApp} printed after {@code prefix}, in the lines that start with it. */
  private static List<String> printed(List<String> lines, String prefix) {
    return lines.stream().filter(line -> line.startsWith(prefix)).map(line -> line.substring(prefix.length())).toList();
  }
}
