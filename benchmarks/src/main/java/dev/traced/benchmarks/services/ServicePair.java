package dev.traced.benchmarks.services;

import dev.traced.benchmarks.profile.Profiler;
import dev.traced.benchmarks.sink.SpanSink;
import dev.traced.sample.harness.ServiceEnvironment;
import dev.traced.sample.harness.ServiceProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * decorator-s1 and s2 of one set-up, running, with a sink of their own for their spans, so that
 * the set-ups can take turns under wrk while each keeps its JIT-compiled code and its own span
 * count.
 */
final class ServicePair implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /**
   * A way of running decorator-s1 and s2, and the spans each request makes in it; {@code id} names
   * its profile files.
   */
  record Setup(String id, String name, List<String> javaOptions, Map<String, String> environment, int spansPerRequest) {}

  /** One turn under wrk: what wrk saw, and where the CPU went meanwhile. */
  record Measurement(Wrk.Result result, CpuTime cpu, ThreadCpu threads) {}

  private final Setup setup;
  private final SpanSink sink;
  private final ServiceProcess s2;
  private final ServiceProcess s1;
  private final String url;
  private long requests;

  private ServicePair(Setup setup, SpanSink sink, ServiceProcess s2, ServiceProcess s1) {
    this.setup = setup;
    this.sink = sink;
    this.s2 = s2;
    this.s1 = s1;
    this.url = "http://127.0.0.1:" + s1.port() + "/";
  }

  /** Starts s2, then decorator-s1 calling it, both exporting to a new sink. */
  static ServicePair start(Path sampleJar, Setup setup) throws IOException, InterruptedException {
    SpanSink sink = SpanSink.start();
    ServiceProcess s2 = null;
    try {
      Map<String, String> environment = new HashMap<>(setup.environment());
      environment.put("OTEL_SERVICE_NAME", "s2");
      s2 = launch(sampleJar, "s2", setup.javaOptions(), sink, environment);
      environment.put("OTEL_SERVICE_NAME", "decoration-s1");
      environment.put("S2_ADDR", "http://127.0.0.1:" + s2.port());
      ServiceProcess s1 = launch(sampleJar, "decorator-s1", setup.javaOptions(), sink, environment);
      return new ServicePair(setup, sink, s2, s1);
    } catch (IOException | InterruptedException | RuntimeException e) {
      try (sink) {
        if (s2 != null) {
          s2.close();
        }
      }
      throw e;
    }
  }

  /** Loads s1 without measuring, so that the JIT has compiled the request and the export paths. */
  void warmUp(Wrk wrk, Duration duration) throws IOException, InterruptedException {
    requests += wrk.run(url, duration).requests();
  }

  /**
   * One turn under wrk: {@code warmUp} of load first, unmeasured, then {@code duration} measured,
   * with both services sampled by {@code profiler} meanwhile if there is one.
   *
   * <p>The warm-up is there because the pair sat idle through the other set-ups' turns, and the JVM
   * removes compiled code that has gone unused; without it, the turn would measure the JIT
   * compiling that code again.
   */
  Measurement measure(Wrk wrk, Duration warmUp, Duration duration, Optional<Profiler> profiler)
      throws IOException, InterruptedException {
    if (!warmUp.isZero()) {
      warmUp(wrk, warmUp);
    }
    if (profiler.isPresent()) {
      profiler.get().resume(s1.pid());
      profiler.get().resume(s2.pid());
    }
    CpuTime cpuBefore = CpuTime.now(s1.pid(), s2.pid());
    ThreadCpu threadsBefore = threads();
    Wrk.Result result = wrk.run(url, duration);
    CpuTime cpu = CpuTime.now(s1.pid(), s2.pid()).since(cpuBefore);
    ThreadCpu threads = threads().since(threadsBefore);
    if (profiler.isPresent()) {
      profiler.get().stop(s1.pid(), profileName("decorator-s1"));
      profiler.get().stop(s2.pid(), profileName("s2"));
    }
    requests += result.requests();
    return new Measurement(result, cpu, threads);
  }

  /** The files {@code profiler} wrote for s1 and s2 over every measured round. */
  List<Path> profiles(Profiler profiler) {
    return List.of(profiler.file(profileName("decorator-s1")), profiler.file(profileName("s2")));
  }

  private String profileName(String service) {
    return setup.id() + "-" + service;
  }

  private ThreadCpu threads() {
    return ThreadCpu.of(s1.pid()).plus(ThreadCpu.of(s2.pid()));
  }

  Setup setup() {
    return setup;
  }

  /** The set-up and its processes' ids, to tell one profile file (one per process) from another. */
  @Override
  public String toString() {
    return setup.name() + ": decorator-s1 pid " + s1.pid() + ", s2 pid " + s2.pid();
  }

  /** Spans per request × every request wrk finished, warm-up included. */
  long expectedSpans() {
    return requests * setup.spansPerRequest();
  }

  /**
   * Stops s1, then s2, with SIGTERM: each flushes its spans before it exits. After this, the
   * sink's count is final.
   */
  @Override
  public void close() throws InterruptedException {
    try (sink) {
      s1.close();
      s2.close();
    }
  }

  /** The spans the sink received: after {@link #close}, every span the services exported. */
  long receivedSpans() {
    return sink.totalSpans();
  }

  /**
   * Starts one sample service on a free loopback port with {@code javaOptions}, exporting
   * OTLP/HTTP to {@code sink}, with {@code environment} on top.
   */
  static ServiceProcess launch(
      Path sampleJar, String service, List<String> javaOptions, SpanSink sink, Map<String, String> environment)
      throws IOException, InterruptedException {
    Map<String, String> settings =
        ServiceEnvironment.onLoopback(0).exportingTo(sink.endpoint(), ServiceEnvironment.HTTP_PROTOBUF).with(environment).toMap();
    return ServiceProcess.launch(sampleJar, javaOptions, service, settings, START_TIMEOUT);
  }
}
