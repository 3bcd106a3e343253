package dev.traced.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.harness.DataStores;
import dev.traced.sample.harness.FreePorts;
import dev.traced.sample.harness.OtlpReceiver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The README's demo command, run as a user runs it (on free ports instead of 10000/20000). */
class DemoIT {

  private record Run(int exitCode, String output) {}

  private static Run demo(Map<String, String> environment) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder builder =
        new ProcessBuilder(java.toString(), "-jar", Services.SAMPLE_JAR.toString(), "demo").redirectErrorStream(true);
    builder.environment().remove("OTEL_EXPORTER_OTLP_ENDPOINT");
    builder.environment().putAll(environment);
    Process process = builder.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  @Test
  void printsTheThreeFlavoursTracesAsTreesAndExitsZero() throws Exception {
    Run run = demo(Map.of("S1_PORT", Integer.toString(FreePorts.freePort()), "S2_PORT", Integer.toString(FreePorts.freePort())));

    assertThat(run.exitCode()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("hello world 1")
        .containsPattern("trace [0-9a-f]{32}  \\(5 spans, services: s1, s2\\)")
        .containsPattern("jaeger: http://localhost:16686/trace/[0-9a-f]{32}")
        .containsPattern("s1-span +\\[s1\\] +SERVER .* name=wilson addr=cd")
        .containsPattern("├─ s1-span-db +\\[s1\\] +INTERNAL")
        .containsPattern("└─ s2-span +\\[s2\\] +SERVER")
        .containsPattern("trace [0-9a-f]{32}  \\(5 spans, services: decoration-s1, s2\\)")
        .containsPattern("phase-1 +\\[decoration-s1\\] +INTERNAL")
        .containsPattern("├─ phase-2 +\\[decoration-s1\\]")
        .containsPattern("└─ s2-span +\\[s2\\] +SERVER")
        .containsPattern("   └─ send s2.hello +\\[s2\\] +PRODUCER (?=.*messaging.destination.name=s2.hello)")
        .containsPattern("      └─ process s2.hello +\\[s2\\] +CONSUMER (?=.*messaging.system=vertx-eventbus)")
        .contains("[3/3] zero-code, the OpenTelemetry Java agent (auto-s1.py)");
    if (DataStores.missing().isPresent()) {
      assertThat(run.output()).contains("  skipped: " + DataStores.missing().get());
      Prerequisite.missing("the demo's third part: " + DataStores.missing().get());
    }
    assertThat(run.output())
        .containsPattern("Redis on 127.0.0.1:[0-9]+ and MariaDB on 127.0.0.1:[0-9]+, started for the demo")
        .contains("hello world\n")
        .containsPattern("trace [0-9a-f]{32}  \\([0-9] spans, services: auto-s1, auto-s2\\)")
        .containsPattern("GET +\\[auto-s1\\] +SERVER .*url.path=/")
        .containsPattern("├─ SET [0-9.:]+ +\\[auto-s1\\] +CLIENT .*db.system.name=redis")
        // The agent's attributes come in no fixed order: it differs from one JDK to another.
        .containsPattern("├─ SELECT +\\[auto-s1\\] +CLIENT (?=.*db.system.name=mysql)(?=.*db.query.text=SELECT VERSION\\(\\))")
        .containsPattern("└─ GET +\\[auto-s1\\] +CLIENT")
        .containsPattern("   └─ GET +\\[auto-s2\\] +SERVER");
  }

  @Test
  void forwardsToTheConfiguredEndpointAndSaysSo() throws Exception {
    try (OtlpReceiver backend = OtlpReceiver.start()) {
      Run run =
          demo(
              Map.of(
                  "S1_PORT", Integer.toString(FreePorts.freePort()),
                  "S2_PORT", Integer.toString(FreePorts.freePort()),
                  "OTEL_EXPORTER_OTLP_ENDPOINT", backend.endpoint()));

      assertThat(run.exitCode()).as(run.output()).isZero();
      assertThat(run.output()).contains("forwarding them to " + backend.endpoint() + "/v1/traces");
      assertThat(backend.spans()).extracting(span -> span.name()).contains("s1-span", "s1-span-db", "phase-1", "phase-2", "s2-span");
    }
  }

  @Test
  void aTakenPortIsNamedAndTheDemoExitsNonZero() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Run run =
          demo(Map.of("S1_PORT", Integer.toString(FreePorts.freePort()), "S2_PORT", Integer.toString(taken.getLocalPort())));

      assertThat(run.exitCode()).isNotZero();
      assertThat(run.output())
          .contains("s2 failed to start")
          .contains("s2 needs port " + taken.getLocalPort());
    }
  }
}
