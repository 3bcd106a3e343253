package dev.traced.benchmarks.eventbus;

import dev.traced.vertx.EventBusTracing;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A request and its reply over a local event bus, from the benchmark's thread to a consumer that
 * answers at once: on a Vert.x traced by {@link EventBusTracing} (a PRODUCER and a CONSUMER span
 * per round trip, exported over OTLP/HTTP to the sink by the batch span processor), and on an
 * untraced twin. The SDK settings come from {@link EventBusBenchmarks}' {@code otel.*} properties.
 */
@State(Scope.Benchmark)
public class EventBusRoundTrips {

  static final String ADDRESS = "echo";

  private OpenTelemetrySdk sdk;
  private Vertx traced;
  private Vertx untraced;
  private EventBusTracing tracing;

  @Setup(Level.Trial)
  public void start() {
    sdk = AutoConfiguredOpenTelemetrySdk.builder().disableShutdownHook().build().getOpenTelemetrySdk();
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
  }

  @Benchmark
  public String untraced() {
    return untraced.eventBus().<String>request(ADDRESS, "ping").await().body();
  }

  @Benchmark
  public String traced() {
    return traced.eventBus().<String>request(ADDRESS, "ping").await().body();
  }
}
