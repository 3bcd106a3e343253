package dev.traced.benchmarks.methods;

import dev.traced.benchmarks.sink.SpanSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the method benchmarks of docs/performance.md and prints their table.
 *
 * <p>Three groups of JMH forks, one after the other against one {@link SpanSink}: the woven
 * variants (weaver agent), {@code @Traced} switched off ({@code traced.enabled=false}), and
 * {@code @WithSpan} under OpenTelemetry's Java agent. Every fork exports over OTLP/HTTP with the
 * same SDK settings. Arguments are JMH's own and override the defaults: forks, iterations and their
 * times, profilers ({@code -prof gc}), and benchmark names to run only those ({@code 'traced$'}).
 */
public final class MethodBenchmarks {

  private final Path agents;
  private final SpanSink sink;

  private MethodBenchmarks(Path agents, SpanSink sink) {
    this.agents = agents;
    this.sink = sink;
  }

  public static void main(String[] args) throws Exception {
    CommandLineOptions commandLine = new CommandLineOptions(args);
    Path agents = Path.of(MethodBenchmarks.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    try (SpanSink sink = SpanSink.start()) {
      MethodBenchmarks benchmarks = new MethodBenchmarks(agents, sink);
      List<Measured> measured = new ArrayList<>();
      measured.addAll(
          benchmarks.run(commandLine, "woven", "(TracedCalls|ReactiveCalls|ManyMethods)", "-javaagent:" + agents.resolve("aspectjweaver.jar")));
      measured.addAll(
          benchmarks.run(
              commandLine,
              "switched off",
              "TracedCalls\\.(untraced|traced|untracedWithAttributes|tracedWithAttributes)$",
              "-javaagent:" + agents.resolve("aspectjweaver.jar"),
              "-Dtraced.enabled=false"));
      measured.addAll(
          benchmarks.run(
              commandLine,
              "configured",
              "ConfiguredCalls",
              "-javaagent:" + agents.resolve("aspectjweaver.jar"),
              "-Dtraced.exclude=" + ConfiguredWork.class.getName() + "#excluded",
              "-Dotel.metrics.exporter=otlp"));
      measured.addAll(
          benchmarks.run(commandLine, "agent", "AgentCalls", "-javaagent:" + agents.resolve("opentelemetry-javaagent.jar")));
      String report = new MethodReport(measured).render();
      System.out.println(report);
      Path file = agents.resolve("method-benchmarks.md");
      Files.writeString(file, report);
      System.out.println("Written to " + file);
    }
  }

  private List<Measured> run(CommandLineOptions commandLine, String group, String include, String... jvmArgs)
      throws RunnerException, IOException {
    List<String> arguments = new ArrayList<>(List.of(jvmArgs));
    arguments.addAll(openTelemetrySettings());
    if (commandLine.getJvmArgsAppend().hasValue()) {
      arguments.addAll(commandLine.getJvmArgsAppend().get());
    }
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include(only(commandLine) + MethodBenchmarks.class.getPackageName() + "\\." + include)
            .jvmArgsAppend(arguments.toArray(new String[0]))
            .forks(commandLine.getForkCount().orElse(1))
            .warmupIterations(commandLine.getWarmupIterations().orElse(3))
            .warmupTime(commandLine.getWarmupTime().orElse(TimeValue.seconds(2)))
            .measurementIterations(commandLine.getMeasurementIterations().orElse(5))
            .measurementTime(commandLine.getMeasurementTime().orElse(TimeValue.seconds(2)))
            .timeUnit(TimeUnit.NANOSECONDS);
    if (commandLine.getParameter("count").hasValue()) {
      options.param("count", commandLine.getParameter("count").get().toArray(new String[0]));
    }
    for (ProfilerConfig profiler : commandLine.getProfilers()) {
      options.addProfiler(profiler.getKlass(), profiler.getOpts());
    }
    sink.reset();
    List<RunResult> results;
    try {
      results = new ArrayList<>(new Runner(options.build()).run());
    } catch (NoBenchmarksException e) {
      return List.of();
    }
    Map<String, Long> spans = sink.spans();
    Map<String, Long> calls = sink.calls();
    List<Measured> measured = new ArrayList<>();
    for (RunResult result : results) {
      String benchmark = result.getParams().getBenchmark();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String count = result.getParams().getParam("count");
      measured.add(
          new Measured(
              group,
              count == null ? method : method + "[" + count + "]",
              result.getPrimaryResult().getScore(),
              result.getPrimaryResult().getScoreError(),
              calls.getOrDefault(method, 0L),
              spans.getOrDefault(MethodReport.spanName(method), 0L)));
    }
    return measured;
  }

  /**
   * Narrows a group to the benchmarks named on the command line, if any: a look-ahead, because
   * JMH would otherwise run a named benchmark in every group, under the wrong agent.
   */
  private static String only(CommandLineOptions commandLine) {
    List<String> named = commandLine.getIncludes();
    return named.isEmpty() ? "" : "(?=.*(?:" + String.join("|", named) + "))";
  }

  /** The SDK settings of every fork, and where it reports its calls. */
  private List<String> openTelemetrySettings() {
    List<String> settings = new ArrayList<>(sink.exportOptions());
    settings.add("-D" + Exporting.SINK_PROPERTY + "=" + sink.endpoint());
    return settings;
  }

  /** One benchmark's score, with the calls it made and the spans the sink received for it. */
  record Measured(String group, String method, double score, double error, long calls, long spans) {}
}
