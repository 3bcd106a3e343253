package dev.traced.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a class's {@code main} in a JVM of its own, woven by the weaver agent, on a class path the
 * test chooses: for what only a different class path shows (an old API, libraries left out).
 */
final class WovenJvm {

  private WovenJvm() {}

  /** The lines {@code main} printed, standard error included, once it has exited with code 0. */
  static List<String> run(Class<?> main, List<String> classPath) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + System.getProperty("aspectj.weaver"),
                "-cp",
                String.join(File.pathSeparator, classPath),
                main.getName())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output.lines().toList();
  }
}
