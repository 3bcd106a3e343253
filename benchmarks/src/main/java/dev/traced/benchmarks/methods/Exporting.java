package dev.traced.benchmarks.methods;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The OpenTelemetry set-up of a benchmark JVM, and the count of calls made in it.
 *
 * <p>Every fork gets the same {@code otel.*} system properties from {@link MethodBenchmarks}:
 * always-on sampling, the batch span processor and the OTLP/HTTP exporter sending to the sink.
 * Under OpenTelemetry's Java agent the agent has already built that SDK from the same properties;
 * otherwise this state builds it with the SDK's autoconfigure module. At the end of the fork the
 * SDK is flushed and the number of calls is reported to the sink, which counts the spans that
 * arrived against it.
 */
@State(Scope.Benchmark)
public class Exporting {

  static final String SINK_PROPERTY = "benchmarks.sink";
  private static final String AGENT_CLASS = "io.opentelemetry.javaagent.OpenTelemetryAgent";

  /** Calls of the benchmarked method in this fork, warm-up included. */
  long calls;

  Work work;
  private OpenTelemetrySdk sdk;

  @Setup(Level.Trial)
  public void start() {
    if (!underJavaAgent()) {
      sdk = AutoConfiguredOpenTelemetrySdk.builder().setResultAsGlobal().disableShutdownHook().build().getOpenTelemetrySdk();
    }
    work = new Work(GlobalOpenTelemetry.getTracer("dev.traced.benchmarks"));
  }

  @TearDown(Level.Trial)
  public void finish(BenchmarkParams params) throws IOException, InterruptedException {
    if (sdk != null) {
      sdk.shutdown().join(30, TimeUnit.SECONDS);
    }
    String benchmark = params.getBenchmark();
    String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
    HttpRequest report =
        HttpRequest.newBuilder(URI.create(System.getProperty(SINK_PROPERTY) + "/calls"))
            .POST(HttpRequest.BodyPublishers.ofString(method + " " + calls))
            .build();
    HttpClient.newHttpClient().send(report, HttpResponse.BodyHandlers.discarding());
  }

  private static boolean underJavaAgent() {
    try {
      Class.forName(AGENT_CLASS, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
