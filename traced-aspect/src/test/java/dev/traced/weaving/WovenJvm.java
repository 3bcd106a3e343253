package dev.traced.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
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
    return run(main, classPath, List.of());
  }

  /** As {@link #run(Class, List)}, with JVM options such as {@code -Dtraced.exclude=...}. */
  static List<String> run(Class<?> main, List<String> classPath, List<String> options) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-javaagent:" + System.getProperty("aspectj.weaver"));
    command.addAll(options);
    command.addAll(List.of("-cp", String.join(File.pathSeparator, classPath), main.getName()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output.lines().toList();
  }
}
