package dev.traced.benchmarks.eventbus;

import dev.traced.benchmarks.sink.SpanSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
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
              .include(EventBusRoundTrips.class.getName())
              .jvmArgsAppend(
                  "-Dotel.service.name=benchmarks",
                  "-Dotel.traces.sampler=always_on",
                  "-Dotel.traces.exporter=otlp",
                  "-Dotel.exporter.otlp.protocol=http/protobuf",
                  "-Dotel.exporter.otlp.endpoint=" + sink.endpoint(),
                  "-Dotel.metrics.exporter=none",
                  "-Dotel.logs.exporter=none")
              .forks(commandLine.getForkCount().orElse(1))
              .warmupIterations(commandLine.getWarmupIterations().orElse(3))
              .warmupTime(commandLine.getWarmupTime().orElse(TimeValue.seconds(2)))
              .measurementIterations(commandLine.getMeasurementIterations().orElse(5))
              .measurementTime(commandLine.getMeasurementTime().orElse(TimeValue.seconds(2)))
              .timeUnit(TimeUnit.SECONDS);
      Collection<RunResult> results = new Runner(options.build()).run();
      Map<String, RunResult> byMethod = new TreeMap<>();
      for (RunResult result : results) {
        String benchmark = result.getParams().getBenchmark();
        byMethod.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), result);
      }
      String report = report(byMethod, sink.totalSpans());
      System.out.println(report);
      Path file = target.resolve("eventbus-benchmarks.md");
      Files.writeString(file, report);
      System.out.println("Written to " + file);
    }
  }

  private static String report(Map<String, RunResult> byMethod, long spansReceived) {
    StringBuilder out = new StringBuilder("| round trips | per second | ± |\n|---|---|---|\n");
    byMethod.forEach(
        (method, result) ->
            out.append(String.format(Locale.ROOT, "| %s | %,.0f | %,.0f |%n", method, result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreError())));
    double traced = byMethod.get("traced").getPrimaryResult().getScore();
    double untraced = byMethod.get("untraced").getPrimaryResult().getScore();
    out.append(String.format(Locale.ROOT, "%ntraced / untraced: %.2f ×; spans received by the sink: %,d%n", traced / untraced, spansReceived));
    return out.toString();
  }
}
