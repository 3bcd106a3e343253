package dev.traced.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.FaultyBackend.Fault;
import dev.traced.sample.harness.FreePorts;
import dev.traced.sample.harness.OtlpReceiver;
import dev.traced.sample.harness.ReceivedSpan;
import dev.traced.sample.harness.ServiceProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * s1 → s2, woven, with a tracing backend that is down, hung, slow or answering 503: every request
 * still answers 200 without waiting for the backend, memory stays flat, and every span the services
 * ended is either accepted by the backend or reported as lost when they stop.
 *
 * <p>Nothing here depends on the machine's speed: how many spans a slow backend takes in before
 * the queue fills varies from machine to machine, so the test counts instead of expecting a drop.
 */
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class BackendFaultsIT {

  private static final int WARM_UP = 300;
  private static final int REQUESTS = 1200;
  private static final int CLIENTS = 8;
  /** s1 ends two spans a request, more than the SDK's queue of 2,048 holds: it must stay bounded. */
  private static final int S1_SPANS_PER_REQUEST = 2;
  /** s2-span, and the event-bus spans of the consumer that makes s2's answer. */
  private static final int S2_SPANS_PER_REQUEST = 3;

  private static final long HEAP_GROWTH_LIMIT = 16 * 1024 * 1024;
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  /**
   * A request that waited for the backend would take at least the slow backend's answer: the
   * median must stay well below it on any machine.
   */
  private static final double WAITED_FOR_THE_BACKEND_MILLIS = FaultyBackend.SLOW_ANSWER.toMillis() / 2.0;

  /** The line each service prints at exit: how many of the spans it ended were not delivered. */
  private static final Pattern DELIVERY =
      Pattern.compile("^(s1|s2): (?:all (\\d+) spans delivered|(\\d+) of (\\d+) spans were not delivered)", Pattern.MULTILINE);

  /**
   * Each export attempt gives up after 1 s instead of the default 10 s, and so the retries too:
   * the same behaviour, sooner, to keep the test short.
   */
  private static final Map<String, String> EXPORT_TIMEOUT = Map.of("OTEL_EXPORTER_OTLP_TIMEOUT", "1000");

  @ParameterizedTest
  @EnumSource(Fault.class)
  void everyRequestAnswersAsUsualAndEveryLostSpanIsReported(Fault fault) throws Exception {
    try (FaultyBackend backend = FaultyBackend.start(fault);
        ServiceProcess s2 = Services.start("s2", backend.endpoint(), EXPORT_TIMEOUT, List.of());
        ServiceProcess s1 = Services.start("s1", backend.endpoint(), s1Settings(s2), List.of())) {
      Load.Result warmUp = Load.run(s1, WARM_UP, CLIENTS);
      long heapBefore = heapUsedAfterGc(s1);
      Load.Result measured = Load.run(s1, REQUESTS, CLIENTS);
      long heapAfter = heapUsedAfterGc(s1);
      stopTogether(s1, s2);
      Delivery s1Delivery = Delivery.of(s1);
      Delivery s2Delivery = Delivery.of(s2);
      System.out.printf(
          "%s backend: median %.2f ms, p99 %.2f ms, heap after GC %d KB → %d KB; %s, %s; backend accepted %d%n",
          fault, measured.medianMillis(), measured.p99Millis(), heapBefore / 1024, heapAfter / 1024,
          s1Delivery, s2Delivery, backend.acceptedSpans());

      assertThat(warmUp.allOk()).as("warm-up statuses %s", warmUp.statuses()).isTrue();
      assertThat(measured.allOk()).as("statuses %s", measured.statuses()).isTrue();
      assertThat(measured.medianMillis())
          .as("median latency: requests do not wait for a backend that answers in %d ms", FaultyBackend.SLOW_ANSWER.toMillis())
          .isLessThan(WAITED_FOR_THE_BACKEND_MILLIS);
      assertThat(heapAfter - heapBefore).as("heap growth over %d requests", REQUESTS).isLessThan(HEAP_GROWTH_LIMIT);

      int requests = WARM_UP + REQUESTS;
      assertThat(s1Delivery.ended()).as("spans s1 ended").isEqualTo((long) S1_SPANS_PER_REQUEST * requests);
      assertThat(s2Delivery.ended()).as("spans s2 ended").isEqualTo((long) S2_SPANS_PER_REQUEST * requests);
      long ended = s1Delivery.ended() + s2Delivery.ended();
      long reportedLost = s1Delivery.lost() + s2Delivery.lost();
      if (fault == Fault.SLOW) {
        // An export that timed out may still have been accepted: counted on both sides, never on neither.
        assertThat(backend.acceptedSpans() + reportedLost).as("spans accepted or reported lost").isGreaterThanOrEqualTo(ended);
      } else {
        assertThat(reportedLost).as("a backend that accepts nothing: every span reported lost").isEqualTo(ended);
      }
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

  /** What a service said at exit about the spans it ended. */
  private record Delivery(String service, long ended, long lost) {

    static Delivery of(ServiceProcess process) {
      Matcher line = DELIVERY.matcher(process.output());
      assertThat(line.find()).as("%s's delivery line at exit in:\n%s", process.name(), process.output()).isTrue();
      return line.group(2) != null
          ? new Delivery(line.group(1), Long.parseLong(line.group(2)), 0)
          : new Delivery(line.group(1), Long.parseLong(line.group(4)), Long.parseLong(line.group(3)));
    }

    @Override
    public String toString() {
      return service + " lost " + lost + " of " + ended;
    }
  }

  /** SIGTERM to both at once: each may spend its whole final-flush timeout on a broken backend. */
  private static void stopTogether(ServiceProcess s1, ServiceProcess s2) throws InterruptedException {
    Thread stopS2 =
        new Thread(
            () -> {
              try {
                s2.stop();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    stopS2.start();
    s1.stop();
    stopS2.join();
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
    return perTrace.values().stream().filter(count -> count == S1_SPANS_PER_REQUEST + S2_SPANS_PER_REQUEST).count();
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
