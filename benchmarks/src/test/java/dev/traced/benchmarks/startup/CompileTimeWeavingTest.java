package dev.traced.benchmarks.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.harness.OtlpReceiver;
import dev.traced.sample.harness.ReceivedSpan;
import dev.traced.sample.harness.ServiceEnvironment;
import dev.traced.sample.harness.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample woven at compile time, as the start-up benchmark measures it, runs traced with no
 * weaver: decorator-s1 → s2, one whole trace, and the services say how they are woven.
 */
class CompileTimeWeavingTest {

  private static final Path SAMPLE_JAR = Path.of("../sample-vertx/target/sample-vertx.jar").toAbsolutePath();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path work;

  /** The link to the sample's lib/ goes before JUnit deletes the directory, which warns of links. */
  @AfterEach
  void removeTheLinkToTheSamplesLibraries() throws IOException {
    Files.deleteIfExists(work.resolve("lib"));
  }

  @Test
  void theWovenSampleMakesTheDecoratorTraceWithoutAWeaver() throws Exception {
    Path woven = CompileTimeWeaving.weave(SAMPLE_JAR, work);

    try (OtlpReceiver receiver = OtlpReceiver.start();
        ServiceProcess s2 = launch(woven, "s2", ServiceEnvironment.onLoopback(0).exportingTo(receiver, ServiceEnvironment.HTTP_PROTOBUF));
        ServiceProcess decoratorS1 =
            launch(
                woven,
                "decorator-s1",
                ServiceEnvironment.onLoopback(0).exportingTo(receiver, ServiceEnvironment.HTTP_PROTOBUF).callingS2(s2.port()))) {
      HttpResponse<String> answer =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + decoratorS1.port() + "/")).timeout(TIMEOUT).build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(decoratorS1.output()).contains("decorator-s1: @Traced methods are woven (at compile time; no weaver runs)");
      List<String> names = List.of("phase-1", "phase-2", "s2-span");
      assertThat(receiver.await(spans -> oneTraceHolds(spans, names), TIMEOUT)).as("%s", receiver.spans()).isTrue();
    }
  }

  private static ServiceProcess launch(Path jar, String service, ServiceEnvironment environment) throws Exception {
    return ServiceProcess.launch(jar, List.of(), service, environment.toMap(), TIMEOUT);
  }

  private static boolean oneTraceHolds(List<ReceivedSpan> spans, List<String> names) {
    Map<String, List<String>> namesByTrace =
        spans.stream().collect(Collectors.groupingBy(ReceivedSpan::traceId, Collectors.mapping(ReceivedSpan::name, Collectors.toList())));
    return namesByTrace.values().stream().anyMatch(trace -> trace.containsAll(names));
  }
}
