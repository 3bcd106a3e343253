package dev.traced.benchmarks.services;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The whole-service tables of docs/performance.md, with each target against its baseline. */
final class ServiceReport {

  static final String OFF = "tracing off (no agent, SDK disabled)";
  static final String TRACED = "@Traced (weaver agent)";
  static final String TRACED_SDK_BATCHES = "@Traced, batch processor at the SDK's defaults";
  static final String TRACED_NOT_EXPORTED = "@Traced, spans recorded but not exported";
  static final String AGENT = "OpenTelemetry Java agent";

  private final Map<String, List<Duration>> startUps = new LinkedHashMap<>();
  private final Map<String, Load> loads = new LinkedHashMap<>();

  private record Load(Wrk.Result result, CpuTime cpu, long expectedSpans, long receivedSpans) {}

  void startUp(String setup, Duration time) {
    startUps.computeIfAbsent(setup, name -> new ArrayList<>()).add(time);
  }

  void load(String setup, Wrk.Result result, CpuTime cpu, long expectedSpans, long receivedSpans) {
    loads.put(setup, new Load(result, cpu, expectedSpans, receivedSpans));
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("| s1 start-up, JVM start to first answer | median ms | runs (ms) |\n|---|---:|---|\n");
    List<Double> medians = new ArrayList<>();
    startUps.forEach(
        (setup, times) -> {
          List<Long> millis = times.stream().map(Duration::toMillis).sorted().toList();
          double median = millis.get(millis.size() / 2);
          medians.add(median);
          out.append(String.format(Locale.ROOT, "| %s | %.0f | %s |%n", setup, median, millis));
        });
    if (medians.size() == 2) {
      double ratio = medians.get(1) / medians.get(0);
      out.append(String.format(Locale.ROOT, "%nStart-up ratio, with / without the weaver: %.2f × (target ≤ 1.3: %s)%n%n", ratio, met(ratio <= 1.3)));
    }

    out.append("| decorator-s1 → s2 | requests/s | p50 ms | p99 ms | requests | failed | spans expected | spans received | dropped |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    loads.forEach(
        (setup, load) ->
            out.append(
                String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.2f | %.2f | %,d | %,d | %,d | %,d | %,d |%n",
                    setup,
                    load.result().requestsPerSecond(),
                    load.result().p50(),
                    load.result().p99(),
                    load.result().requests(),
                    load.result().failed(),
                    load.expectedSpans(),
                    load.receivedSpans(),
                    Math.max(0, load.expectedSpans() - load.receivedSpans()))));
    renderCpu(out);
    if (loads.keySet().containsAll(List.of(OFF, TRACED, TRACED_NOT_EXPORTED, AGENT))) {
      double off = requestsPerSecond(OFF);
      double traced = requestsPerSecond(TRACED);
      double notExported = requestsPerSecond(TRACED_NOT_EXPORTED);
      double agent = requestsPerSecond(AGENT);
      out.append(String.format(Locale.ROOT, "%n@Traced / tracing off: %.2f × (target ≥ 0.9: %s)%n", traced / off, met(traced / off >= 0.9)));
      out.append(String.format(Locale.ROOT, "@Traced without export / tracing off: %.2f ×%n", notExported / off));
      if (loads.containsKey(TRACED_SDK_BATCHES)) {
        out.append(String.format(Locale.ROOT, "@Traced with the SDK's batches / tracing off: %.2f ×%n", requestsPerSecond(TRACED_SDK_BATCHES) / off));
      }
      out.append(String.format(Locale.ROOT, "@Traced / Java agent: %.2f × (target > 1: %s)%n", traced / agent, met(traced > agent)));
    }
    out.append(
        "\nSpans expected = spans per request × requests wrk counted, warm-up included; requests still in"
            + " flight when wrk stops also make spans, so received can exceed expected by up to"
            + " connections × spans per request.\n");
    return out.toString();
  }

  /** Where the CPU went while wrk measured: per request, by process, and what the machine left idle. */
  private void renderCpu(StringBuilder out) {
    out.append("\n| CPU per request, while measured | decorator-s1 µs | s2 µs | sink µs | machine idle |\n");
    out.append("|---|---:|---:|---:|---:|\n");
    loads.forEach(
        (setup, load) -> {
          double requests = Math.max(1, load.result().requests());
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.1f | %.1f | %.1f | %.0f %% |%n",
                  setup,
                  load.cpu().s1().toNanos() / 1000.0 / requests,
                  load.cpu().s2().toNanos() / 1000.0 / requests,
                  load.cpu().sink().toNanos() / 1000.0 / requests,
                  load.cpu().machineIdle() * 100));
        });
  }

  private double requestsPerSecond(String setup) {
    return loads.get(setup).result().requestsPerSecond();
  }

  private static String met(boolean met) {
    return met ? "met" : "**not met**";
  }
}
