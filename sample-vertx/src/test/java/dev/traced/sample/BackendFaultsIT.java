package dev.traced.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.FaultyBackend.Fault;
import dev.traced.sample.demo.OtlpReceiver;
import dev.traced.sample.demo.ReceivedSpan;
import dev.traced.sample.demo.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * s1 → s2, woven, with a tracing backend that is down, hung, slow or answering 503: every request
 * still answers 200 at about the usual latency, memory stays flat, and the spans that cannot be
 * delivered are dropped visibly by the SDK's bounded queue.
 */
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class BackendFaultsIT {

  private static final int WARM_UP = 1000;
  private static final int REQUESTS = 2000;
  private static final int CLIENTS = 8;
  private static final long HEAP_GROWTH_LIMIT = 16 * 1024 * 1024;
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  /** What the SDK writes when it gives spans up: the drop is never silent. */
  private static final Pattern SPANS_GIVEN_UP =
      Pattern.compile("BatchSpanProcessor dropped|Failed to export");

  /**
   * Each export attempt gives up after 2 s instead of the default 10 s, and so the retries too:
   * the same behaviour, sooner, to keep the test short.
   */
  private static final Map<String, String> EXPORT_TIMEOUT = Map.of("OTEL_EXPORTER_OTLP_TIMEOUT", "2000");

  private static double baselineMedianMillis;

  @BeforeAll
  static void measureTheBaseline() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ServiceProcess s2 = Services.start("s2", receiver, Map.of());
        ServiceProcess s1 = Services.start("s1", receiver, Services.callS2(s2))) {
      Load.run(s1, WARM_UP, CLIENTS);
      Load.Result baseline = Load.run(s1, REQUESTS, CLIENTS);
      assertThat(baseline.allOk()).as("baseline statuses %s", baseline.statuses()).isTrue();
      baselineMedianMillis = baseline.medianMillis();
      System.out.printf("healthy backend: median %.2f ms, p99 %.2f ms%n", baseline.medianMillis(), baseline.p99Millis());
    }
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void everyRequestAnswersAsUsualWhateverTheBackendDoes(Fault fault) throws Exception {
    try (FaultyBackend backend = FaultyBackend.start(fault);
        ServiceProcess s2 = Services.start("s2", backend.endpoint(), EXPORT_TIMEOUT, List.of());
        ServiceProcess s1 = Services.start("s1", backend.endpoint(), s1Settings(s2), List.of())) {
      Load.Result warmUp = Load.run(s1, WARM_UP, CLIENTS);
      long heapBefore = heapUsedAfterGc(s1);
      Load.Result measured = Load.run(s1, REQUESTS, CLIENTS);
      long heapAfter = heapUsedAfterGc(s1);
      System.out.printf(
          "%s backend: median %.2f ms, p99 %.2f ms, heap after GC %d KB → %d KB%n",
          fault, measured.medianMillis(), measured.p99Millis(), heapBefore / 1024, heapAfter / 1024);

      assertThat(warmUp.allOk()).as("warm-up statuses %s", warmUp.statuses()).isTrue();
      assertThat(measured.allOk()).as("statuses %s", measured.statuses()).isTrue();
      assertThat(measured.medianMillis())
          .as("median latency against a healthy backend's %.2f ms", baselineMedianMillis)
          .isLessThanOrEqualTo(3 * baselineMedianMillis + 5);
      assertThat(heapAfter - heapBefore).as("heap growth over %d requests", REQUESTS).isLessThan(HEAP_GROWTH_LIMIT);

      assertThat(s1.awaitOutput(SPANS_GIVEN_UP, Duration.ofSeconds(60)))
          .as("s1 says that it gave spans up:\n%s", s1.output())
          .isTrue();
      s1.stop();
      s2.stop();
      assertThat(s1.output() + s2.output()).doesNotContain("OutOfMemoryError");
    }
  }

  @Test
  void spansArriveAgainOnceTheBackendIsBack() throws Exception {
    int port = FreePorts.freePort();
    String endpoint = "http://127.0.0.1:" + port;
    try (ServiceProcess s2 = Services.start("s2", endpoint, Map.of(), List.of());
        ServiceProcess s1 = Services.start("s1", endpoint, Services.callS2(s2), List.of())) {
      assertThat(Load.run(s1, 200, CLIENTS).allOk()).isTrue();

      try (OtlpReceiver receiver = OtlpReceiver.start(port)) {
        Load.Result afterRecovery = Load.run(s1, 20, 1);
        assertThat(afterRecovery.allOk()).isTrue();
        boolean arrived =
            receiver.await(spans -> completeTraces(spans) >= 20, Duration.ofSeconds(60));
        assertThat(arrived).as("complete traces after the backend came back: %s", receiver.traces().size()).isTrue();
      }
    }
  }

  private static Map<String, String> s1Settings(ServiceProcess s2) {
    Map<String, String> settings = new HashMap<>(EXPORT_TIMEOUT);
    settings.putAll(Services.callS2(s2));
    return settings;
  }

  private static long completeTraces(List<ReceivedSpan> spans) {
    Map<String, Integer> perTrace = new HashMap<>();
    for (ReceivedSpan span : spans) {
      perTrace.merge(span.traceId(), 1, Integer::sum);
    }
    return perTrace.values().stream().filter(count -> count == 3).count();
  }

  /** Heap in use right after a full collection, read with jcmd. */
  private static long heapUsedAfterGc(ServiceProcess service) throws IOException, InterruptedException {
    jcmd(service, "GC.run");
    Matcher used = HEAP_USED.matcher(jcmd(service, "GC.heap_info"));
    assertThat(used.find()).isTrue();
    return Long.parseLong(used.group(1)) * 1024;
  }

  private static String jcmd(ServiceProcess service, String command) throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process process = new ProcessBuilder(jcmd.toString(), Long.toString(service.pid()), command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return output;
  }
}
