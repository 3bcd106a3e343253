package dev.traced.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.weaving.configured.ConfiguredApp;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AspectJ's weaving cache, as traced keys it ({@code WeavingCache}): a second start takes its woven
 * classes from the cache and traces as the first did; an edited {@code aop.xml} is woven afresh,
 * where AspectJ's own key (each class's bytes and the aspects' names) would serve the old classes.
 */
class CachedWeavingTest {

  private static final String LISTED = "dev.traced.weaving.configured.Listed";

  @TempDir Path cache;
  @TempDir Path application;

  @Test
  void aSecondStartTakesItsClassesFromTheCacheAndTracesAsTheFirstDid() throws Exception {
    writeAopXml("execution(* " + LISTED + ".*(..))");

    List<String> first = run();
    List<String> second = run();

    assertThat(weaveInfo(first)).isNotEmpty();
    assertThat(weaveInfo(second)).isEmpty();
    assertThat(spans(second)).isEqualTo(spans(first)).contains("Orders.place", "Listed.work", "Listed.add");
    try (Stream<Path> scopes = Files.list(cache)) {
      assertThat(scopes).singleElement().asString().contains("AppClassLoader.");
    }
  }

  @Test
  void aClassWovenBeforeAnAopXmlWasEditedIsWovenAgain() throws Exception {
    writeAopXml("execution(* " + LISTED + ".*(..))");
    assertThat(spans(run())).contains("Listed.work", "Listed.add");

    writeAopXml("execution(* " + LISTED + ".work(..))");
    List<String> edited = run();

    assertThat(weaveInfo(edited)).isNotEmpty();
    assertThat(spans(edited)).contains("Listed.work").doesNotContain("Listed.add");
  }

  private void writeAopXml(String pointcut) throws Exception {
    Files.createDirectories(application.resolve("META-INF"));
    Files.writeString(application.resolve("META-INF/aop.xml"), """
        <aspectj>
          <aspects>
            <concrete-aspect name="dev.traced.weaving.configured.TracedListed" extends="dev.traced.aspect.TracedMethods">
              <pointcut name="methods" expression="%s"/>
            </concrete-aspect>
          </aspects>
        </aspectj>
        """.formatted(pointcut));
  }

  private List<String> run() throws Exception {
    List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
    classPath.add(0, application.toString());
    List<String> lines = WovenJvm.run(ConfiguredApp.class, classPath, List.of(
        "-Daj.weaving.cache.enabled=true", "-Daj.weaving.cache.dir=" + cache, "-Dorg.aspectj.weaver.showWeaveInfo=true"));
    assertThat(lines).noneMatch(line -> line.startsWith("traced:"));
    return lines;
  }

  private static List<String> weaveInfo(List<String> lines) {
    return lines.stream().filter(line -> line.contains("] weaveinfo ")).toList();
  }

  private static List<String> spans(List<String> lines) {
    return lines.stream().filter(line -> line.startsWith("span ")).map(line -> line.substring(5)).toList();
  }
}
