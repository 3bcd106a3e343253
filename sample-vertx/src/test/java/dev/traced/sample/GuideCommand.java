package dev.traced.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A service's start command as a page of the guide writes it, {@code [NAME=value ...] java ...
 * <service> &}, split into the variables it sets and the words it runs, so that a test runs it
 * word for word.
 *
 * @param environment the leading {@code NAME=value} words
 * @param words the command, with the page's {@code java} replaced by the JDK the test runs on
 */
record GuideCommand(Map<String, String> environment, List<String> words) {

  static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).normalize();

  /** The one command on {@code page} (relative to the repository) that starts {@code service}. */
  static GuideCommand on(String page, String service) throws IOException {
    Path file = ROOT.resolve(page);
    List<String> commands =
        Files.readAllLines(file).stream()
            .filter(line -> line.contains("java -javaagent:") && line.endsWith(" " + service + " &"))
            .toList();
    assertThat(commands).as("the command for %s on %s", service, file).hasSize(1);
    String command = commands.get(0);
    List<String> words = new ArrayList<>(List.of(command.substring(0, command.length() - " &".length()).split(" ")));
    Map<String, String> environment = new LinkedHashMap<>();
    while (!words.get(0).equals("java")) {
      String assignment = words.remove(0);
      assertThat(assignment).as("a NAME=value word before java on %s", file).matches("[A-Z_]+=\\S*");
      environment.put(assignment.substring(0, assignment.indexOf('=')), assignment.substring(assignment.indexOf('=') + 1));
    }
    // The page's "java" is the JDK on the PATH; the test uses the JDK it runs on.
    words.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new GuideCommand(environment, words);
  }
}
