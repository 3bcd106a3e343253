package dev.traced.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.harness.FreePorts;
import dev.traced.sample.harness.ServiceProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The scale-out gateway for real: the OpenTelemetry Collector built by tools/build runs the
 * shipped {@code deploy/kubernetes/otel-collector-config.yaml} itself, with only the Kubernetes
 * DNS resolver replaced by a static list of two local Jaegers (and its listeners moved to free
 * loopback ports) through the collector's own configuration merging. s1 and s2 send their spans
 * through it: every trace arrives whole on exactly one Jaeger, and both get traces. Then one Jaeger
 * stops: a static resolver keeps it in the ring, so the traces routed to it are lost (the exporter
 * retries, then drops them, and says so), while those routed to the other keep arriving whole.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class CollectorGatewayIT {

  /** s1-span and s1-span-db in s1; s2-span and the event-bus hop in s2. */
  private static final int SPANS_PER_TRACE = 5;

  static final Path CONFIG = GoTools.ROOT.resolve("deploy/kubernetes/otel-collector-config.yaml");
  private static final int REQUESTS = 200;
  private static final int AFTER_THE_STOP = 40;
  private static final Duration ARRIVAL = Duration.ofSeconds(30);

  @Test
  void everyTraceArrivesWholeOnExactlyOneJaegerAndAStoppedOneLosesOnlyItsShare() throws Exception {
    Path collector = GoTools.require("otelcol");
    try (Jaeger first = Jaeger.start();
        Jaeger second = Jaeger.start();
        Collector gateway = Collector.start(collector, List.of(first, second));
        ServiceProcess s2 = Services.start("s2", gateway.otlpHttp(), Map.of(), List.of());
        ServiceProcess s1 = Services.start("s1", gateway.otlpHttp(), Services.callS2(s2), List.of())) {
      List<JaegerIT.Caller> callers = send(s1, REQUESTS);

      int onFirst = 0;
      for (JaegerIT.Caller caller : callers) {
        List<Jaeger.Span> inFirst = first.trace(caller.traceId());
        List<Jaeger.Span> inSecond = second.trace(caller.traceId());
        if (inFirst.size() + inSecond.size() < SPANS_PER_TRACE) {
          inFirst = first.awaitTrace(caller.traceId(), SPANS_PER_TRACE, ARRIVAL.dividedBy(10));
          inSecond = second.awaitTrace(caller.traceId(), SPANS_PER_TRACE, ARRIVAL.dividedBy(10));
        }
        assertThat(List.of(inFirst.size(), inSecond.size()))
            .as("spans of trace %s on each Jaeger: the whole trace on exactly one", caller.traceId())
            .containsExactlyInAnyOrder(SPANS_PER_TRACE, 0);
        onFirst += inFirst.isEmpty() ? 0 : 1;
      }
      System.out.printf("gateway: %d traces on the first Jaeger, %d on the second%n", onFirst, REQUESTS - onFirst);
      assertThat(onFirst).as("traces on the first Jaeger").isBetween(1, REQUESTS - 1);

      second.close();
      List<JaegerIT.Caller> later = send(s1, AFTER_THE_STOP);
      int arrived = arrivedWhole(first, later);
      System.out.printf("gateway, one Jaeger stopped: %d of %d new traces arrived whole on the other%n", arrived, AFTER_THE_STOP);
      assertThat(arrived).as("new traces on the Jaeger still running").isBetween(1, AFTER_THE_STOP - 1);
      assertThat(gateway.output()).as("the gateway says it could not export").contains("Exporting failed");
    }
  }

  /**
   * How many of {@code callers}' traces {@code jaeger} holds, once that number has stopped growing
   * for three seconds; each trace it holds must be whole.
   */
  private static int arrivedWhole(Jaeger jaeger, List<JaegerIT.Caller> callers) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + ARRIVAL.toNanos();
    int arrived = -1;
    int unchangedFor = 0;
    while (unchangedFor < 3 && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      int now = 0;
      for (JaegerIT.Caller caller : callers) {
        now += jaeger.trace(caller.traceId()).isEmpty() ? 0 : 1;
      }
      unchangedFor = now == arrived && now > 0 ? unchangedFor + 1 : 0;
      arrived = now;
    }
    for (JaegerIT.Caller caller : callers) {
      assertThat(jaeger.trace(caller.traceId()).size()).as("spans of trace %s", caller.traceId()).isIn(0, SPANS_PER_TRACE);
    }
    return arrived;
  }

  private static List<JaegerIT.Caller> send(ServiceProcess s1, int requests) throws IOException, InterruptedException {
    List<JaegerIT.Caller> callers = new ArrayList<>();
    for (int request = 0; request < requests; request++) {
      JaegerIT.Caller caller = JaegerIT.Caller.random();
      assertThat(Services.get(s1, caller.headers()).statusCode()).isEqualTo(200);
      callers.add(caller);
    }
    return callers;
  }

  /** tools/bin/otelcol running the shipped configuration, with the test's overrides merged over it. */
  static final class Collector implements AutoCloseable {
    private final Process process;
    private final int otlpHttpPort;
    private final StringBuffer output = new StringBuffer();

    private Collector(Process process, int otlpHttpPort) {
      this.process = process;
      this.otlpHttpPort = otlpHttpPort;
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.append(line).append('\n');
                  }
                } catch (IOException closed) {
                  // The collector has stopped.
                }
              },
              "otelcol-output");
      reader.setDaemon(true);
      reader.start();
    }

    static Collector start(Path binary, List<Jaeger> backends) throws IOException, InterruptedException {
      int grpc = FreePorts.freePort();
      int http = FreePorts.freePort();
      int health = FreePorts.freePort();
      List<String> hostnames = backends.stream().map(jaeger -> "\"" + jaeger.otlpGrpcHostPort() + "\"").toList();
      List<String> command =
          List.of(
              binary.toString(),
              "--config", CONFIG.toString(),
              "--config", "yaml:exporters::loadbalancing::resolver: {dns: null, static: {hostnames: " + hostnames + "}}",
              "--config", "yaml:receivers::otlp::protocols::grpc::endpoint: 127.0.0.1:" + grpc,
              "--config", "yaml:receivers::otlp::protocols::http::endpoint: 127.0.0.1:" + http,
              "--config", "yaml:extensions::health_check::endpoint: 127.0.0.1:" + health,
              "--config", "yaml:service::telemetry::metrics::level: none");
      Collector collector = new Collector(new ProcessBuilder(command).redirectErrorStream(true).start(), http);
      collector.awaitHealthy(health);
      return collector;
    }

    private void awaitHealthy(int healthPort) throws IOException, InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          throw new IOException("the collector exited:\n" + output);
        }
        try {
          HttpResponse<String> health =
              Services.HTTP.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort + "/")).build(),
                  HttpResponse.BodyHandlers.ofString());
          if (health.statusCode() == 200) {
            return;
          }
        } catch (IOException notYet) {
          // Not listening yet.
        }
        Thread.sleep(100);
      }
      close();
      throw new IOException("the collector was not healthy within 30 s:\n" + output);
    }

    String otlpHttp() {
      return "http://127.0.0.1:" + otlpHttpPort;
    }

    String output() {
      return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
      process.destroy();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
