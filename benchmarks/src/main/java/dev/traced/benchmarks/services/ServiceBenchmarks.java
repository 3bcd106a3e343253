package dev.traced.benchmarks.services;

import dev.traced.benchmarks.Options;
import dev.traced.benchmarks.sink.SpanSink;
import dev.traced.sample.demo.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole-service figures of docs/performance.md: start-up of s1 with and without the weaver,
 * then throughput and latency of decorator-s1 → s2 under wrk with tracing off, with
 * {@code @Traced}, and under OpenTelemetry's Java agent, spans counted at a {@link SpanSink}.
 *
 * <p>Options: {@code --sample <sample-vertx.jar>} (default {@code sample-vertx/target/sample-vertx.jar},
 * with the two agents beside it), {@code --duration <s>} (30), {@code --connections <n>} (16),
 * {@code --threads <n>} (2), {@code --startup-runs <n>} (7), {@code --warm-up <s>} (15),
 * {@code --wrk <path>} ({@code wrk}).
 */
public final class ServiceBenchmarks {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  /**
   * The batch processor sized for a saturated service, for every set-up that exports: each export
   * request has a fixed cost, so batches of 8,192 spans cost a third to a half of the CPU per span
   * that the SDK's 512 do ({@code benchmarks/run export}), and a queue of four batches holds the spans that
   * arrive while one is sent.
   */
  private static final Map<String, String> SATURATION_BATCHES =
      Map.of("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "8192", "OTEL_BSP_MAX_QUEUE_SIZE", "32768");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private final Path sampleJar;
  private final SpanSink sink;
  private final Duration warmUp;

  private ServiceBenchmarks(Path sampleJar, SpanSink sink, Duration warmUp) {
    this.sampleJar = sampleJar;
    this.sink = sink;
    this.warmUp = warmUp;
  }

  /** A way of running decorator-s1 and s2, and the spans each request makes in it. */
  private record Setup(String name, List<String> javaOptions, Map<String, String> environment, int spansPerRequest) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    Path sampleJar = Path.of(options.getOrDefault("--sample", "sample-vertx/target/sample-vertx.jar")).toAbsolutePath();
    Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--duration", "30")));
    Wrk wrk =
        new Wrk(
            options.getOrDefault("--wrk", "wrk"),
            Integer.parseInt(options.getOrDefault("--threads", "2")),
            Integer.parseInt(options.getOrDefault("--connections", "16")));
    int startupRuns = Integer.parseInt(options.getOrDefault("--startup-runs", "7"));
    // Long enough for the JIT to finish compiling the export path too, not only the request path.
    Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--warm-up", "15")));

    try (SpanSink sink = SpanSink.start()) {
      ServiceBenchmarks benchmarks = new ServiceBenchmarks(sampleJar, sink, warmUp);
      ServiceReport report = new ServiceReport();
      benchmarks.startUp(startupRuns, report);
      for (Setup setup : benchmarks.setups()) {
        benchmarks.load(setup, wrk, duration, report);
      }
      String rendered = report.render();
      System.out.println(rendered);
      Path file = Path.of(ServiceBenchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .resolveSibling("service-benchmarks.md");
      Files.writeString(file, rendered);
      System.out.println("Written to " + file);
    }
  }

  private List<Setup> setups() {
    String weaver = weaverAgent();
    String agent = "-javaagent:" + sampleJar.resolveSibling("opentelemetry-javaagent.jar");
    Map<String, String> agentSettings = new HashMap<>(SATURATION_BATCHES);
    agentSettings.putAll(Map.of("OTEL_METRICS_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "none"));
    return List.of(
        new Setup(ServiceReport.OFF, List.of(), Map.of("OTEL_SDK_DISABLED", "true"), 0),
        // phase-1 and phase-2 in decorator-s1, s2-span in s2.
        new Setup(ServiceReport.TRACED, List.of(weaver), SATURATION_BATCHES, 3),
        // The SDK's batches of 512 in a queue of 2,048: at this load the queue overflows.
        new Setup(ServiceReport.TRACED_SDK_BATCHES, List.of(weaver), Map.of(), 3),
        // The same spans, recorded and ended, but not exported: what tracing costs without the export.
        new Setup(ServiceReport.TRACED_NOT_EXPORTED, List.of(weaver), Map.of("OTEL_TRACES_EXPORTER", "none"), 0),
        // The agent's server span and client span in decorator-s1, its server span and s2-span in s2.
        new Setup(ServiceReport.AGENT, List.of(agent), agentSettings, 4));
  }

  /** The JVM option that weaves at load time, with the weaver copied beside the sample's jar. */
  private String weaverAgent() {
    return "-javaagent:" + sampleJar.resolveSibling("aspectjweaver.jar");
  }

  /** Time from the JVM's start to s1's first answered request, with and without the weaver. */
  private void startUp(int runs, ServiceReport report) throws IOException, InterruptedException {
    String weaver = weaverAgent();
    try (ServiceProcess s2 = start("s2", List.of(weaver), Map.of(), Map.of())) {
      Map<String, String> callS2 = Map.of("S2_ADDR", "http://127.0.0.1:" + s2.port());
      for (int run = 0; run < runs; run++) {
        report.startUp("without the weaver", timeToFirstAnswer(List.of(), callS2));
        report.startUp("with the weaver (shipped aop.xml scope)", timeToFirstAnswer(List.of(weaver), callS2));
      }
    }
  }

  private Duration timeToFirstAnswer(List<String> javaOptions, Map<String, String> environment)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    // start returns once s1 says it listens; its first request then goes through to s2.
    try (ServiceProcess s1 = start("s1", javaOptions, environment, Map.of())) {
      URI uri = URI.create("http://127.0.0.1:" + s1.port() + "/");
      int status = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        throw new IOException("s1's first request answered " + status + ":\n" + s1.output());
      }
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }

  private void load(Setup setup, Wrk wrk, Duration duration, ServiceReport report)
      throws IOException, InterruptedException {
    sink.reset();
    long requests;
    Wrk.Result measured;
    CpuTime cpu;
    try (ServiceProcess s2 = start("s2", setup.javaOptions(), setup.environment(), Map.of("OTEL_SERVICE_NAME", "s2"));
        ServiceProcess s1 =
            start(
                "decorator-s1",
                setup.javaOptions(),
                setup.environment(),
                Map.of("OTEL_SERVICE_NAME", "decoration-s1", "S2_ADDR", "http://127.0.0.1:" + s2.port()))) {
      String url = "http://127.0.0.1:" + s1.port() + "/";
      Wrk.Result warmedUp = wrk.run(url, warmUp);
      CpuTime before = CpuTime.now(s1.pid(), s2.pid());
      measured = wrk.run(url, duration);
      cpu = CpuTime.now(s1.pid(), s2.pid()).since(before);
      requests = warmedUp.requests() + measured.requests();
      // Closing s1, then s2, sends SIGTERM: each flushes its spans before it exits.
    }
    report.load(setup.name(), measured, cpu, requests * setup.spansPerRequest(), sink.totalSpans());
  }

  private ServiceProcess start(
      String service, List<String> javaOptions, Map<String, String> setup, Map<String, String> extra)
      throws IOException, InterruptedException {
    Map<String, String> environment = new HashMap<>();
    environment.put("PORT", "0");
    environment.put("BIND_ADDRESS", "127.0.0.1");
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", sink.endpoint());
    environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    environment.putAll(setup);
    environment.putAll(extra);
    return ServiceProcess.launch(sampleJar, javaOptions, service, environment, START_TIMEOUT);
  }
}
