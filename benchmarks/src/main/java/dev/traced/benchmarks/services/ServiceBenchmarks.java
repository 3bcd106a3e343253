package dev.traced.benchmarks.services;

import dev.traced.benchmarks.Options;
import dev.traced.benchmarks.profile.Profiler;
import dev.traced.benchmarks.sink.SpanSink;
import dev.traced.benchmarks.services.ServicePair.Setup;
import dev.traced.sample.harness.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole-service figures of docs/performance.md: start-up of s1 with and without the weaver,
 * then throughput and latency of decorator-s1 → s2 under wrk with tracing off, with
 * {@code @Traced}, and under OpenTelemetry's Java agent, spans counted at a {@link SpanSink}.
 *
 * <p>Every set-up's pair of services is started and warmed up first; then the set-ups take turns
 * under wrk, one after the other, for several rounds. The machine's pace drifts by several per
 * cent over minutes, and taking turns spreads that drift over every set-up instead of loading it
 * onto whichever ran at the wrong moment.
 *
 * <p>Options: {@code --sample <sample-vertx.jar>} (default {@code sample-vertx/target/sample-vertx.jar},
 * with the two agents beside it), {@code --duration <s>} (30, each round), {@code --rounds <n>} (3),
 * {@code --connections <n>} (16), {@code --threads <n>} (2), {@code --startup-runs <n>} (7),
 * {@code --warm-up <s>} (15, each pair once it starts), {@code --turn-warm-up <s>} (5, unmeasured load
 * at the start of every turn), {@code --wrk <path>} ({@code wrk}), {@code --profile-dir <dir>} (none:
 * with it, async-profiler samples s1 and s2 while wrk measures, writes their stacks there, and the
 * report adds where the event loops spent their time).
 */
public final class ServiceBenchmarks {

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

  private ServiceBenchmarks(Path sampleJar) {
    this.sampleJar = sampleJar;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    Path sampleJar = Path.of(options.getOrDefault("--sample", "sample-vertx/target/sample-vertx.jar")).toAbsolutePath();
    Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--duration", "30")));
    int rounds = Integer.parseInt(options.getOrDefault("--rounds", "3"));
    Wrk wrk =
        new Wrk(
            options.getOrDefault("--wrk", "wrk"),
            Integer.parseInt(options.getOrDefault("--threads", "2")),
            Integer.parseInt(options.getOrDefault("--connections", "16")));
    int startupRuns = Integer.parseInt(options.getOrDefault("--startup-runs", "7"));
    Optional<Profiler> profiler =
        options.containsKey("--profile-dir") ? Optional.of(Profiler.into(Path.of(options.get("--profile-dir")))) : Optional.empty();
    // Long enough for the JIT to finish compiling the export path too, not only the request path.
    Duration warmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--warm-up", "15")));

    ServiceBenchmarks benchmarks = new ServiceBenchmarks(sampleJar);
    ServiceReport report = new ServiceReport();
    benchmarks.startUp(startupRuns, report);
    Duration turnWarmUp = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--turn-warm-up", "5")));
    benchmarks.load(wrk, warmUp, turnWarmUp, duration, rounds, profiler, report);
    String rendered = report.render();
    System.out.println(rendered);
    Path file = Path.of(ServiceBenchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .resolveSibling("service-benchmarks.md");
    Files.writeString(file, rendered);
    System.out.println("Written to " + file);
  }

  private List<Setup> setups() {
    String weaver = weaverAgent();
    String agent = "-javaagent:" + sampleJar.resolveSibling("opentelemetry-javaagent.jar");
    Map<String, String> agentSettings = new HashMap<>(SATURATION_BATCHES);
    agentSettings.putAll(Map.of("OTEL_METRICS_EXPORTER", "none", "OTEL_LOGS_EXPORTER", "none"));
    return List.of(
        new Setup("off", ServiceReport.OFF, List.of(), Map.of("OTEL_SDK_DISABLED", "true"), 0),
        // phase-1 and phase-2 in decorator-s1; s2-span, send s2.hello and process s2.hello in s2.
        new Setup("traced", ServiceReport.TRACED, List.of(weaver), SATURATION_BATCHES, 5),
        // The SDK's batches of 512 in a queue of 2,048: at this load the queue overflows.
        new Setup("traced-sdk-batches", ServiceReport.TRACED_SDK_BATCHES, List.of(weaver), Map.of(), 5),
        // The same spans, recorded and ended, but not exported: what tracing costs without the export.
        new Setup("traced-not-exported", ServiceReport.TRACED_NOT_EXPORTED, List.of(weaver), Map.of("OTEL_TRACES_EXPORTER", "none"), 0),
        // The agent's server span and client span in decorator-s1; its server span, s2-span and the
        // two event-bus spans in s2.
        new Setup("agent", ServiceReport.AGENT, List.of(agent), agentSettings, 6));
  }

  /** The JVM option that weaves at load time, with the weaver copied beside the sample's jar. */
  private String weaverAgent() {
    return "-javaagent:" + sampleJar.resolveSibling("aspectjweaver.jar");
  }

  /** Time from the JVM's start to s1's first answered request, with and without the weaver. */
  private void startUp(int runs, ServiceReport report) throws IOException, InterruptedException {
    String weaver = weaverAgent();
    try (SpanSink sink = SpanSink.start();
        ServiceProcess s2 = ServicePair.launch(sampleJar, "s2", List.of(weaver), sink, Map.of())) {
      Map<String, String> callS2 = Map.of("S2_ADDR", "http://127.0.0.1:" + s2.port());
      for (int run = 0; run < runs; run++) {
        report.startUp("without the weaver", timeToFirstAnswer(List.of(), sink, callS2));
        report.startUp("with the weaver (shipped aop.xml scope)", timeToFirstAnswer(List.of(weaver), sink, callS2));
      }
    }
  }

  private Duration timeToFirstAnswer(List<String> javaOptions, SpanSink sink, Map<String, String> environment)
      throws IOException, InterruptedException {
    long started = System.nanoTime();
    // launch returns once s1 says it listens; its first request then goes through to s2.
    try (ServiceProcess s1 = ServicePair.launch(sampleJar, "s1", javaOptions, sink, environment)) {
      URI uri = URI.create("http://127.0.0.1:" + s1.port() + "/");
      int status = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status != 200) {
        throw new IOException("s1's first request answered " + status + ":\n" + s1.output());
      }
      return Duration.ofNanos(System.nanoTime() - started);
    }
  }

  /**
   * Starts and warms up every set-up's pair, then measures each in turn, each turn after a short
   * warm-up of its own, {@code rounds} times; last, stops every pair so that it flushes its spans,
   * and counts them.
   */
  private void load(
      Wrk wrk, Duration warmUp, Duration turnWarmUp, Duration duration, int rounds, Optional<Profiler> profiler,
      ServiceReport report)
      throws IOException, InterruptedException {
    List<ServicePair> pairs = new ArrayList<>();
    try {
      for (Setup setup : setups()) {
        ServicePair pair = ServicePair.start(sampleJar, setup);
        pairs.add(pair);
        System.out.println(pair);
        pair.warmUp(wrk, warmUp);
      }
      for (int round = 0; round < rounds; round++) {
        for (ServicePair pair : pairs) {
          report.load(pair.setup().name(), pair.measure(wrk, turnWarmUp, duration, profiler));
        }
      }
    } finally {
      for (ServicePair pair : pairs) {
        pair.close();
      }
    }
    for (ServicePair pair : pairs) {
      report.spans(pair.setup().name(), pair.expectedSpans(), pair.receivedSpans());
      if (profiler.isPresent()) {
        report.profile(pair.setup().name(), EventLoopProfile.read(pair.profiles(profiler.get())));
      }
    }
  }
}
