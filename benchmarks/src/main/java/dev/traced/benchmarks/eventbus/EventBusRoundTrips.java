package dev.traced.benchmarks.eventbus;

import dev.traced.vertx.EventBusTracing;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Requests and their replies over a local event bus, to a consumer that answers at once: on a
 * Vert.x traced by {@link EventBusTracing} (a PRODUCER and a CONSUMER span per round trip,
 * exported over OTLP/HTTP to the sink by the batch span processor), and on an untraced twin.
 *
 * <p>Each invocation chains {@value #BATCH} round trips on the event loop, each sent when the last
 * reply arrives, and waits once for the last: a round trip from the benchmark's own thread would
 * measure mostly how fast that thread is woken up. The SDK settings come from
 * {@link EventBusBenchmarks}' {@code otel.*} properties.
 */
@State(Scope.Benchmark)
public class EventBusRoundTrips {

  static final String ADDRESS = "echo";
  static final int BATCH = 1_000;

  /** Where the fork reports how many traced round trips it made, warm-up included. */
  static final String SINK_PROPERTY = "benchmarks.sink";

  /**
   * {@code otlp}: every span exported to the sink; {@code none}: spans made and ended but not
   * exported, what the instrumentation itself costs, without the export's CPU.
   */
  @Param({"otlp", "none"})
  public String exporter;

  private long tracedCalls;
  private OpenTelemetrySdk sdk;
  private Vertx traced;
  private Vertx untraced;
  private EventBusTracing tracing;

  @Setup(Level.Trial)
  public void start() {
    sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesCustomizer(properties -> Map.of("otel.traces.exporter", exporter))
            .disableShutdownHook()
            .build()
            .getOpenTelemetrySdk();
    traced = Vertx.vertx();
    tracing = EventBusTracing.install(traced, sdk);
    untraced = Vertx.vertx();
    for (Vertx vertx : new Vertx[] {traced, untraced}) {
      vertx.eventBus().<String>consumer(ADDRESS, message -> message.reply(message.body()));
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws Exception {
    tracing.close();
    traced.close().await(10, TimeUnit.SECONDS);
    untraced.close().await(10, TimeUnit.SECONDS);
    sdk.shutdown().join(30, TimeUnit.SECONDS);
    HttpRequest report =
        HttpRequest.newBuilder(URI.create(System.getProperty(SINK_PROPERTY) + "/calls"))
            .POST(HttpRequest.BodyPublishers.ofString("traced-" + exporter + " " + tracedCalls))
            .build();
    HttpClient.newHttpClient().send(report, HttpResponse.BodyHandlers.discarding());
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int untraced() {
    return roundTrips(untraced);
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int traced() {
    tracedCalls += BATCH;
    return roundTrips(traced);
  }

  private static int roundTrips(Vertx vertx) {
    Promise<Integer> done = Promise.promise();
    vertx.runOnContext(start -> next(vertx, BATCH, done));
    return done.future().await();
  }

  private static void next(Vertx vertx, int left, Promise<Integer> done) {
    if (left == 0) {
      done.complete(BATCH);
      return;
    }
    vertx.eventBus().<String>request(ADDRESS, "ping").onComplete(reply -> next(vertx, left - 1, done));
  }
}
