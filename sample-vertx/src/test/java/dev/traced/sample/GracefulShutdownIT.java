package dev.traced.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.harness.FreePorts;
import dev.traced.sample.harness.OtlpReceiver;
import dev.traced.sample.harness.ReceivedSpan;
import dev.traced.sample.harness.ServiceProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGTERM to s1 and s2 right after their last answer: every finished span reaches the backend, or,
 * when it is down, the service says how many did not.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GracefulShutdownIT {

  private static final int REQUESTS = 300;
  private static final int REQUESTS_WITH_THE_BACKEND_DOWN = 50;

  @Test
  void sigtermDeliversEveryFinishedSpanBeforeTheProcessExits() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      // The SDK's default delay: spans of the last five seconds are still queued at SIGTERM.
      Map<String, String> defaultBatching = Map.of("OTEL_BSP_SCHEDULE_DELAY", "5000");
      ServiceProcess s2 = Services.start("s2", receiver, defaultBatching);
      Map<String, String> s1Settings = new HashMap<>(defaultBatching);
      s1Settings.putAll(Services.callS2(s2));
      ServiceProcess s1 = Services.start("s1", receiver, s1Settings);

      Load.Result load = Load.run(s1, REQUESTS, 8);
      int s1Exit = s1.stop();
      int s2Exit = s2.stop();

      assertThat(load.allOk()).as("statuses %s", load.statuses()).isTrue();
      assertThat(List.of(s1Exit, s2Exit)).as("exit codes: SIGTERM, not a kill").allMatch(code -> code == 143 || code == 0);
      List<ReceivedSpan> spans = receiver.spans();
      Map<String, Set<String>> namesByTrace =
          spans.stream()
              .collect(Collectors.groupingBy(ReceivedSpan::traceId, Collectors.mapping(ReceivedSpan::name, Collectors.toSet())));
      assertThat(spans).as("spans received").hasSize(5 * REQUESTS);
      assertThat(namesByTrace).hasSize(REQUESTS);
      assertThat(namesByTrace.values())
          .allMatch(names -> names.equals(Set.of("s1-span", "s1-span-db", "s2-span", "send s2.hello", "process s2.hello")));
    }
  }

  @Test
  void sigtermWithTheBackendDownSaysHowManySpansWereLost() throws Exception {
    String nothingListens = "http://127.0.0.1:" + FreePorts.freePort();
    // A minute's delay: every span is still queued at SIGTERM, for the final flush to fail. Three
    // spans a request: s2-span and its event-bus hop.
    ServiceProcess s2 = Services.start("s2", nothingListens, Map.of("OTEL_BSP_SCHEDULE_DELAY", "60000"), List.of());

    Load.Result load = Load.run(s2, REQUESTS_WITH_THE_BACKEND_DOWN, 4);
    int exit = s2.stop();

    assertThat(load.allOk()).as("statuses %s", load.statuses()).isTrue();
    assertThat(exit).as("exit code: SIGTERM, not a kill").isIn(143, 0);
    assertThat(s2.output())
        .contains(
            "s2: " + 3 * REQUESTS_WITH_THE_BACKEND_DOWN + " of " + 3 * REQUESTS_WITH_THE_BACKEND_DOWN
                + " spans were not delivered to the trace backend");
  }
}
