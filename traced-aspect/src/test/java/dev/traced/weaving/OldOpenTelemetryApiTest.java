package dev.traced.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.Traced;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An application with an {@code opentelemetry-api} older than traced supports (1.44.1, from an old
 * BOM): one line names the version found and the version needed, and the traced methods run
 * untraced, with their results unchanged.
 */
class OldOpenTelemetryApiTest {

  /** Runs in a JVM of its own, woven, with only the old API on its class path. */
  public static final class Application {
    @Traced("first")
    static String first(int call) {
      return "first " + call;
    }

    @Traced("second")
    static String second(int call) {
      return "second " + call;
    }

    public static void main(String[] args) {
      for (int call = 0; call < 3; call++) {
        System.out.println(first(call) + ", " + second(call));
      }
    }
  }

  @Test
  void oneLineNamesBothVersionsAndTheMethodsRunUntraced() throws Exception {
    List<String> classPath = new ArrayList<>();
    classPath.add(Path.of("target", "classes").toString());
    classPath.add(Path.of("target", "test-classes").toString());
    classPath.add(Path.of(Traced.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty("old.opentelemetry")))) {
      jars.map(Path::toString).forEach(classPath::add);
    }
    assertThat(WovenJvm.run(Application.class, classPath))
        .containsExactly(
            "traced: opentelemetry-api 1.44.1 is on the class path, traced needs 1.57.0 or newer;"
                + " @Traced methods run untraced",
            "first 0, second 0",
            "first 1, second 1",
            "first 2, second 2");
  }
}
