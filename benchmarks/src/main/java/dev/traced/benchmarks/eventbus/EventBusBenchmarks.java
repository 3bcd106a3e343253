package dev.traced.benchmarks.eventbus;

import dev.traced.benchmarks.sink.SpanSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Local event-bus request/reply round trips per second, traced by {@code EventBusTracing} against
 * untraced, in the same JMH run, with the SDK exporting every span to a {@link SpanSink}. Prints
 * the ratio and writes it to {@code benchmarks/target/eventbus-benchmarks.md}.
 */
public final class EventBusBenchmarks {

  private EventBusBenchmarks() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions commandLine = new CommandLineOptions(args);
    Path target = Path.of(EventBusBenchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    try (SpanSink sink = SpanSink.start()) {
      ChainedOptionsBuilder options =
          new OptionsBuilder()
              .include(EventBusRoundTrips.class.getName() + only(commandLine))
              .jvmArgsAppend(jvmOptions(sink))
              .forks(commandLine.getForkCount().orElse(1))
              .warmupIterations(commandLine.getWarmupIterations().orElse(3))
              .warmupTime(commandLine.getWarmupTime().orElse(TimeValue.seconds(2)))
              .measurementIterations(commandLine.getMeasurementIterations().orElse(5))
              .measurementTime(commandLine.getMeasurementTime().orElse(TimeValue.seconds(2)))
              .timeUnit(TimeUnit.SECONDS);
      for (ProfilerConfig profiler : commandLine.getProfilers()) {
        options.addProfiler(profiler.getKlass(), profiler.getOpts());
      }
      Collection<RunResult> results = new Runner(options.build()).run();
      Map<String, RunResult> byMethod = new TreeMap<>();
      for (RunResult result : results) {
        String benchmark = result.getParams().getBenchmark();
        byMethod.put(benchmark.substring(benchmark.lastIndexOf('.') + 1) + "-" + result.getParams().getParam("exporter"), result);
      }
      String report = report(byMethod, sink.totalSpans(), sink.calls().getOrDefault("traced-otlp", 0L));
      System.out.println(report);
      Path file = target.resolve("eventbus-benchmarks.md");
      Files.writeString(file, report);
      System.out.println("Written to " + file);
    }
  }

  /** The benchmarks named on the command line ({@code traced}, {@code untraced}), or both. */
  private static String only(CommandLineOptions commandLine) {
    return commandLine.getIncludes().isEmpty() ? "" : "\\.(" + String.join("|", commandLine.getIncludes()) + ")$";
  }

  /** Every span exported to the sink, in batches large enough that none is dropped at this rate. */
  private static String[] jvmOptions(SpanSink sink) {
    List<String> options = new ArrayList<>(sink.exportOptions());
    options.addAll(
        List.of(
            "-Dotel.bsp.max.export.batch.size=8192",
            "-Dotel.bsp.max.queue.size=32768",
            "-D" + EventBusRoundTrips.SINK_PROPERTY + "=" + sink.endpoint()));
    return options.toArray(new String[0]);
  }

  private static String report(Map<String, RunResult> byMethod, long spansReceived, long tracedCalls) {
    StringBuilder out = new StringBuilder("| round trips | per second | ± |\n|---|---|---|\n");
    byMethod.forEach(
        (method, result) ->
            out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f |%n", method, result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError())));
    for (String exporter : List.of("otlp", "none")) {
      RunResult traced = byMethod.get("traced-" + exporter);
      RunResult untraced = byMethod.get("untraced-" + exporter);
      if (traced != null && untraced != null) {
        double ratio = traced.getPrimaryResult().getScore() / untraced.getPrimaryResult().getScore();
        double extraMicros = 1e6 / traced.getPrimaryResult().getScore() - 1e6 / untraced.getPrimaryResult().getScore();
        out.append(
            String.format(
                Locale.ROOT, "%ntraced / untraced, exporter %s: %.2f ×, %.2f µs more per round trip", exporter, ratio, extraMicros));
      }
    }
    out.append('\n');
    out.append(
        String.format(
            Locale.ROOT, "spans received by the sink (exporter otlp): %,d of %,d (two per traced round trip)%n", spansReceived, 2 * tracedCalls));
    return out.toString();
  }
}
