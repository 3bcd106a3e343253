package dev.traced.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The guide in src-docs/ stays whole and honest: the same pages in English and Chinese, links
 * that lead somewhere, and no shell command that is neither run by the tests or the demo nor
 * marked as needing Docker or a cluster.
 */
class GuideTest {

  private static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).normalize();
  private static final Path GUIDE = ROOT.resolve("src-docs");
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)]*)?\\)");
  private static final List<String> MARKERS =
      List.of(
          "> Needs Docker", "> Needs a Kubernetes cluster", "> Needs root", "> 需要 Docker", "> 需要 Kubernetes 集群", "> 需要 root");
  /**
   * Commands the demo and the ITs (SampleTracesIT, DemoIT, JavaAgentIT, ZeroCodeIT, JaegerIT) run as written,
   * but on free ports; .ci/run runs tools/build.
   */
  private static final List<Pattern> TESTED_COMMANDS =
      Stream.of(
              "mvn -q -Pdemo package",
              "mvn verify",
              "mvn -q install -DskipTests",
              "java -javaagent:sample-vertx/target/aspectjweaver.jar -jar sample-vertx/target/sample-vertx.jar (s1|s2|decorator-s1)( &)?",
              "java -javaagent:sample-vertx/target/opentelemetry-javaagent.jar"
                  + " -Dotel.javaagent.extensions=sample-vertx/target/sample-vertx-agent-extension.jar"
                  + " -javaagent:sample-vertx/target/aspectjweaver.jar"
                  + " -jar sample-vertx/target/sample-vertx.jar (s2|decorator-s1)( &)?",
              "OTEL_SERVICE_NAME=(auto-s2|auto-s1) OTEL_TRACES_EXPORTER=otlp OTEL_METRICS_EXPORTER=none OTEL_LOGS_EXPORTER=none"
                  + " OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4317 OTEL_EXPORTER_OTLP_PROTOCOL=grpc OTEL_SEMCONV_STABILITY_OPT_IN=database"
                  + " java -javaagent:sample-vertx/target/opentelemetry-javaagent.jar -jar sample-vertx/target/sample-vertx.jar (auto-s2|auto-s1) &",
              "curl http://localhost:10000",
              "tools/build",
              "tools/bin/jaeger --config deploy/jaeger/jaeger-local.yaml &",
              "OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 mvn -q -Pdemo package")
          .map(Pattern::compile)
          .toList();

  private static List<Path> pages() throws IOException {
    try (Stream<Path> files = Files.walk(GUIDE)) {
      return files.filter(file -> file.toString().endsWith(".md")).sorted().toList();
    }
  }

  private static List<String> names(String language) throws IOException {
    try (Stream<Path> files = Files.list(GUIDE.resolve(language))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void everyPageExistsInEnglishAndChinese() throws IOException {
    assertThat(names("en")).hasSize(9).isEqualTo(names("zh"));
    String index = Files.readString(GUIDE.resolve("README.md"));
    for (String name : names("en")) {
      assertThat(index).contains("(en/" + name + ")", "(zh/" + name + ")");
    }
  }

  @Test
  void everyRelativeLinkLeadsToAFile() throws IOException {
    List<Path> documents = new ArrayList<>(pages());
    documents.add(ROOT.resolve("README.md"));
    for (Path document : documents) {
      Matcher link = LINK.matcher(Files.readString(document));
      while (link.find()) {
        String target = link.group(1);
        if (!target.contains("://")) {
          assertThat(document.getParent().resolve(target).normalize()).as("link %s in %s", target, document).exists();
        }
      }
    }
  }

  @Test
  void everyShellCommandIsTestedOrMarkedAsNeedingDockerOrACluster() throws IOException {
    for (Path page : pages()) {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).equals("```bash")) {
          continue;
        }
        boolean marked = MARKERS.stream().anyMatch(precedingText(lines, i)::startsWith);
        for (int j = i + 1; !lines.get(j).equals("```"); j++) {
          String command = lines.get(j);
          boolean tested = TESTED_COMMANDS.stream().anyMatch(pattern -> pattern.matcher(command).matches());
          assertThat(marked || tested).as("%s:%d `%s` is tested or marked", page, j + 1, command).isTrue();
        }
      }
    }
  }

  private static String precedingText(List<String> lines, int fence) {
    for (int i = fence - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank()) {
        return lines.get(i);
      }
    }
    return "";
  }
}
