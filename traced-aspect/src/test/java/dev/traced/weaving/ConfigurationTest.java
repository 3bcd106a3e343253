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

/**
 * Settings an application is started with, each in a JVM of its own: {@code traced.exclude},
 * {@code traced.metrics}, and a {@code TracedMethods} concrete aspect in the application's own
 * {@code META-INF/aop.xml}, written exactly as the README shows it.
 */
class ConfigurationTest {

  private static final String PACKAGE = "dev.traced.weaving.configured.";

  /** The README's example, with this test's package. */
  private static final String AOP_XML =
      """
      <aspectj>
        <aspects>
          <concrete-aspect name="dev.traced.weaving.configured.TracedListed" extends="dev.traced.aspect.TracedMethods">
            <pointcut name="methods" expression="execution(* dev.traced.weaving.configured.Listed.*(..))"/>
          </concrete-aspect>
        </aspects>
      </aspectj>
      """;

  @TempDir Path application;

  @Test
  void methodsListedInTheApplicationsAopXmlGetDefaultSpans() throws Exception {
    List<String> lines = run(List.of());

    assertThat(spans(lines))
        .containsExactly(
            "Orders.place", "Orders.cancel", "Orders.cancel", "Invoices.send", "Listed.work", "Listed.add", "own-settings");
  }

  @Test
  void excludedClassesAndMethodsRunUntracedAndMalformedEntriesAreReportedOnceEach() throws Exception {
    List<String> lines =
        run(List.of("-Dtraced.exclude=" + PACKAGE + "Invoices, " + PACKAGE + "Orders#cancel,not a class,Orders#,#place,,"));

    assertThat(spans(lines)).containsExactly("Orders.place", "Listed.work", "Listed.add", "own-settings");
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

  private List<String> run(List<String> options) throws Exception {
    Files.createDirectories(application.resolve("META-INF"));
    Files.writeString(application.resolve("META-INF/aop.xml"), AOP_XML);
    List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    classPath.add(0, application.toString());
    return WovenJvm.run(ConfiguredApp.class, classPath, options);
  }

  private static List<String> spans(List<String> lines) {
    return lines.stream().filter(line -> line.startsWith("span ")).map(line -> line.substring(5)).toList();
  }
}
