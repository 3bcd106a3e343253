package dev.traced.benchmarks.export;

import com.sun.management.ThreadMXBean;
import dev.traced.benchmarks.Options;
import dev.traced.benchmarks.profile.Profiler;
import dev.traced.benchmarks.sink.SpanSink;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What exporting one span over OTLP costs in CPU, by thread: the SDK's batch processor and
 * exporter in the traced process, and the span sink standing in for the collector.
 *
 * <p>Spans like the sample's {@code phase-1} are made at a steady rate, with the services' SDK
 * set-up (autoconfigure, {@code BatchSpanProcessor}, OTLP/HTTP protobuf). Each thread's CPU time
 * over the last round, divided by the spans made, is what a span costs it. Options:
 * {@code --rate <spans/s>} (20000), {@code --seconds <s>} a round (5), {@code --rounds <n>} (3, the
 * first ones warming up), {@code --batch-size <n>} (the SDK's, 512), {@code --queue-size <n>} (the
 * SDK's, 2048), {@code --profile-dir <dir>} (none: with it, async-profiler samples this JVM over the
 * last round and writes its stacks to {@code export.collapsed.txt} there).
 */
public final class ExportCost {

  private static final AttributeKey<String> FUNCTION = AttributeKey.stringKey("code.function.name");
  private static final AttributeKey<Long> COUNT = AttributeKey.longKey("count");

  private ExportCost() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = Options.parse(args);
    int rate = Integer.parseInt(options.getOrDefault("--rate", "20000"));
    long roundNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(options.getOrDefault("--seconds", "5")));
    int rounds = Integer.parseInt(options.getOrDefault("--rounds", "3"));
    ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    Optional<Profiler> profiler =
        options.containsKey("--profile-dir") ? Optional.of(Profiler.into(Path.of(options.get("--profile-dir")))) : Optional.empty();
    long pid = ProcessHandle.current().pid();

    try (SpanSink sink = SpanSink.start()) {
      Map<String, String> settings =
          new HashMap<>(
              Map.of(
                  "otel.service.name", "export-cost",
                  "otel.exporter.otlp.endpoint", sink.endpoint(),
                  "otel.exporter.otlp.protocol", "http/protobuf",
                  "otel.metrics.exporter", "none",
                  "otel.logs.exporter", "none"));
      if (options.containsKey("--batch-size")) {
        settings.put("otel.bsp.max.export.batch.size", options.get("--batch-size"));
      }
      if (options.containsKey("--queue-size")) {
        settings.put("otel.bsp.max.queue.size", options.get("--queue-size"));
      }
      OpenTelemetrySdk sdk =
          AutoConfiguredOpenTelemetrySdk.builder().addPropertiesSupplier(() -> settings).build().getOpenTelemetrySdk();
      try {
        Tracer tracer = sdk.getTracer("export-cost");
        for (int round = 1; round <= rounds; round++) {
          Map<String, Long> before = cpuByThread(threads);
          long received = sink.totalSpans();
          long requests = sink.requests();
          boolean last = round == rounds;
          if (last && profiler.isPresent()) {
            profiler.get().resume(pid);
          }
          long spans = makeSpans(tracer, rate, roundNanos);
          sdk.getSdkTracerProvider().forceFlush().join(30, TimeUnit.SECONDS);
          if (last) {
            System.out.print(report(before, cpuByThread(threads), spans, sink.totalSpans() - received, sink.requests() - requests, rate));
          }
          if (last && profiler.isPresent()) {
            profiler.get().stop(pid, "export");
            System.out.println("Profile written to " + profiler.get().file("export"));
          }
        }
      } finally {
        sdk.shutdown().join(30, TimeUnit.SECONDS);
      }
    }
  }

  /** Makes and ends spans on this thread, {@code rate} a second, for {@code nanos}. */
  private static long makeSpans(Tracer tracer, int rate, long nanos) {
    long start = System.nanoTime();
    long made = 0;
    while (System.nanoTime() - start < nanos) {
      long due = start + made * TimeUnit.SECONDS.toNanos(1) / rate;
      while (System.nanoTime() < due) {
        Thread.onSpinWait();
      }
      Span span =
          tracer.spanBuilder("phase-1")
              .setAttribute(FUNCTION, "dev.traced.sample.services.Phases.phase1")
              .setAttribute(COUNT, made)
              .startSpan();
      span.end();
      made++;
    }
    return made;
  }

  private static String report(Map<String, Long> before, Map<String, Long> after, long spans, long received, long requests, int rate) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%,d spans made at %,d a second, %,d received by the sink in %,d export requests%n%n", spans, rate, received, requests));
    out.append("| thread | side | CPU µs per span |\n|---|---|---:|\n");
    double exporter = 0;
    double sinkSide = 0;
    for (Map.Entry<String, Long> thread : after.entrySet()) {
      String name = thread.getKey();
      double micros = (thread.getValue() - before.getOrDefault(name, 0L)) / 1000.0 / spans;
      String side = side(name);
      if (side == null || micros < 0.01) {
        continue;
      }
      if (side.equals("sink")) {
        sinkSide += micros;
      } else {
        exporter += micros;
      }
      out.append(String.format(Locale.ROOT, "| %s | %s | %.2f |%n", name, side, micros));
    }
    out.append(String.format(Locale.ROOT, "| all | traced process | **%.2f** |%n", exporter));
    out.append(String.format(Locale.ROOT, "| all | sink | **%.2f** |%n", sinkSide));
    return out.toString();
  }

  /** Which side a thread works for; {@code null} for this benchmark's own and the JVM's threads. */
  private static String side(String thread) {
    if (thread.startsWith(SpanSink.THREAD_NAME_PREFIX) || thread.startsWith("HTTP-Dispatcher")) {
      return "sink";
    }
    if (thread.startsWith("BatchSpanProcessor") || thread.toLowerCase(Locale.ROOT).startsWith("okhttp")) {
      return "traced process";
    }
    return null;
  }

  /** CPU nanoseconds of live threads, by name with trailing digits folded. */
  private static Map<String, Long> cpuByThread(ThreadMXBean threads) {
    Map<String, Long> cpu = new TreeMap<>();
    for (long id : threads.getAllThreadIds()) {
      var info = threads.getThreadInfo(id);
      long nanos = threads.getThreadCpuTime(id);
      if (info != null && nanos > 0) {
        cpu.merge(info.getThreadName().replaceAll("\\d+$", "N"), nanos, Long::sum);
      }
    }
    return cpu;
  }
}
