package dev.traced.benchmarks.services;

import dev.traced.benchmarks.profile.Profiler;
import dev.traced.benchmarks.services.ServicePair.Measurement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * The whole-service tables of docs/performance.md, with each target against its baseline.
 *
 * <p>Each set-up is measured in several rounds, the set-ups taking turns, so that a slow patch of
 * the machine falls on all of them; a ratio is taken within each round, and the median reported.
 */
final class ServiceReport {

  static final String OFF = "tracing off (no agent, SDK disabled)";
  static final String TRACED = "@Traced (weaver agent)";
  static final String TRACED_SDK_BATCHES = "@Traced, batch processor at the SDK's defaults";
  static final String TRACED_NOT_EXPORTED = "@Traced, spans recorded but not exported";
  static final String AGENT = "OpenTelemetry Java agent";

  private final Map<String, List<Duration>> startUps = new LinkedHashMap<>();
  private final Map<String, List<Measurement>> rounds = new LinkedHashMap<>();
  private final Map<String, Spans> spans = new LinkedHashMap<>();
  private final Map<String, EventLoopProfile> profiles = new LinkedHashMap<>();

  private record Spans(long expected, long received) {}

  void startUp(String setup, Duration time) {
    startUps.computeIfAbsent(setup, name -> new ArrayList<>()).add(time);
  }

  void load(String setup, Measurement round) {
    rounds.computeIfAbsent(setup, name -> new ArrayList<>()).add(round);
  }

  void spans(String setup, long expected, long received) {
    spans.put(setup, new Spans(expected, received));
  }

  void profile(String setup, EventLoopProfile profile) {
    profiles.put(setup, profile);
  }

  String render() {
    StringBuilder out = new StringBuilder();
    renderStartUp(out);
    renderLoad(out);
    renderCpu(out);
    renderThreads(out);
    renderProfiles(out);
    renderRatios(out);
    out.append(
        "\nSpans expected = spans per request × requests wrk counted, warm-up included; requests still in"
            + " flight when wrk stops also make spans, so received can exceed expected by up to"
            + " connections × spans per request.\n");
    return out.toString();
  }

  private void renderStartUp(StringBuilder out) {
    out.append("| s1 start-up, JVM start to first answer | median ms | runs (ms) |\n|---|---:|---|\n");
    List<Double> medians = new ArrayList<>();
    startUps.forEach(
        (setup, times) -> {
          List<Long> millis = times.stream().map(Duration::toMillis).sorted().toList();
          double median = median(millis.stream().map(Long::doubleValue).toList());
          medians.add(median);
          out.append(String.format(Locale.ROOT, "| %s | %.0f | %s |%n", setup, median, millis));
        });
    if (medians.size() == 2) {
      double ratio = medians.get(1) / medians.get(0);
      out.append(String.format(Locale.ROOT, "%nStart-up ratio, with / without the weaver: %.2f × (target ≤ 1.3: %s)%n%n", ratio, met(ratio <= 1.3)));
    }
  }

  private void renderLoad(StringBuilder out) {
    out.append("| decorator-s1 → s2 | requests/s | each round | p50 ms | p99 ms | failed | spans expected | spans received | dropped |\n");
    out.append("|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
    rounds.forEach(
        (setup, measured) -> {
          Spans counted = spans.getOrDefault(setup, new Spans(0, 0));
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.0f | %s | %.2f | %.2f | %,d | %,d | %,d | %,d |%n",
                  setup,
                  median(measured, m -> m.result().requestsPerSecond()),
                  measured.stream().map(m -> String.format(Locale.ROOT, "%.0f", m.result().requestsPerSecond())).collect(Collectors.joining(", ")),
                  median(measured, m -> m.result().p50()),
                  median(measured, m -> m.result().p99()),
                  measured.stream().mapToLong(m -> m.result().failed()).sum(),
                  counted.expected(),
                  counted.received(),
                  Math.max(0, counted.expected() - counted.received())));
        });
  }

  /** Where the CPU went while wrk measured: per request, by process, and what the machine left idle. */
  private void renderCpu(StringBuilder out) {
    out.append("\n| CPU per request, while measured | decorator-s1 µs | s2 µs | sinks µs | machine idle |\n");
    out.append("|---|---:|---:|---:|---:|\n");
    rounds.forEach(
        (setup, measured) -> {
          CpuTime cpu = measured.stream().map(Measurement::cpu).reduce(CpuTime::plus).orElseThrow();
          double requests = requests(measured);
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.1f | %.1f | %.1f | %.0f %% |%n",
                  setup,
                  cpu.s1().toNanos() / 1000.0 / requests,
                  cpu.s2().toNanos() / 1000.0 / requests,
                  cpu.sink().toNanos() / 1000.0 / requests,
                  cpu.machineIdle() * 100));
        });
  }

  /** The CPU of s1 and s2 together by what their threads do: the event loops' share against the export's. */
  private void renderThreads(StringBuilder out) {
    out.append("\n| CPU per request of s1 and s2, by thread, µs |");
    for (ThreadCpu.Role role : ThreadCpu.Role.values()) {
      out.append(' ').append(role.label).append(" |");
    }
    out.append("\n|---|").append("---:|".repeat(ThreadCpu.Role.values().length)).append('\n');
    rounds.forEach(
        (setup, measured) -> {
          ThreadCpu threads = measured.stream().map(Measurement::threads).reduce(ThreadCpu::plus).orElseThrow();
          double requests = requests(measured);
          out.append("| ").append(setup).append(" |");
          for (ThreadCpu.Role role : ThreadCpu.Role.values()) {
            out.append(String.format(Locale.ROOT, " %.1f |", threads.nanos(role) / 1000.0 / requests));
          }
          out.append('\n');
        });
  }

  /** The event loops' CPU by the code async-profiler caught them in, where the run was profiled. */
  private void renderProfiles(StringBuilder out) {
    if (profiles.isEmpty()) {
      return;
    }
    out.append("\n| event loops of s1 and s2, sampled, µs per request |");
    for (EventLoopProfile.Code code : EventLoopProfile.Code.values()) {
      out.append(' ').append(code.label).append(" |");
    }
    out.append(" all |\n|---|").append("---:|".repeat(EventLoopProfile.Code.values().length + 1)).append('\n');
    double microsPerSample = Profiler.INTERVAL.toNanos() / 1000.0;
    profiles.forEach(
        (setup, profile) -> {
          double requests = requests(rounds.get(setup));
          out.append("| ").append(setup).append(" |");
          for (EventLoopProfile.Code code : EventLoopProfile.Code.values()) {
            out.append(String.format(Locale.ROOT, " %.1f |", profile.samples().get(code) * microsPerSample / requests));
          }
          out.append(String.format(Locale.ROOT, " %.1f |%n", profile.total() * microsPerSample / requests));
        });
  }

  private void renderRatios(StringBuilder out) {
    if (!rounds.keySet().containsAll(List.of(OFF, TRACED, TRACED_NOT_EXPORTED, AGENT))) {
      return;
    }
    out.append('\n');
    ratio(out, "@Traced / tracing off", TRACED, OFF, "target ≥ 0.9: " + met(ratio(TRACED, OFF) >= 0.9));
    ratio(out, "@Traced without export / tracing off", TRACED_NOT_EXPORTED, OFF, null);
    if (rounds.containsKey(TRACED_SDK_BATCHES)) {
      ratio(out, "@Traced with the SDK's batches / tracing off", TRACED_SDK_BATCHES, OFF, null);
    }
    ratio(out, "@Traced / Java agent", TRACED, AGENT, "target > 1: " + met(ratio(TRACED, AGENT) > 1));
  }

  private void ratio(StringBuilder out, String label, String setup, String baseline, String target) {
    out.append(
        String.format(
            Locale.ROOT,
            "%s: %.2f × (rounds: %s%s)%n",
            label,
            ratio(setup, baseline),
            roundRatios(setup, baseline).stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).collect(Collectors.joining(", ")),
            target == null ? "" : "; " + target));
  }

  /** The median over the rounds of one set-up's throughput against another's in the same round. */
  private double ratio(String setup, String baseline) {
    return median(roundRatios(setup, baseline));
  }

  private List<Double> roundRatios(String setup, String baseline) {
    List<Measurement> measured = rounds.get(setup);
    List<Measurement> base = rounds.get(baseline);
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < Math.min(measured.size(), base.size()); round++) {
      ratios.add(measured.get(round).result().requestsPerSecond() / base.get(round).result().requestsPerSecond());
    }
    return ratios;
  }

  private static double requests(List<Measurement> measured) {
    return Math.max(1, measured.stream().mapToLong(m -> m.result().requests()).sum());
  }

  private static double median(List<Measurement> measured, ToDoubleFunction<Measurement> value) {
    return median(measured.stream().map(value::applyAsDouble).toList());
  }

  /** The middle value, or the mean of the two middle values of an even count. */
  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static String met(boolean met) {
    return met ? "met" : "**not met**";
  }
}
