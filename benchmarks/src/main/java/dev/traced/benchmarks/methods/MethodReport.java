package dev.traced.benchmarks.methods;

import dev.traced.benchmarks.methods.MethodBenchmarks.Measured;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of docs/performance.md: each variant's score with its error, the calls it made and the
 * spans the sink received, then each target as a ratio against its baseline from the same run.
 */
final class MethodReport {

  private static final List<Row> ROWS =
      List.of(
          new Row("1", "untraced", "woven", "untraced", false),
          new Row("2", "@Traced, traced.enabled=false", "switched off", "traced", false),
          new Row("2b", "untraced, in (2)'s JVM", "switched off", "untraced", false),
          new Row("2c", "@Traced, two @SpanAttribute, traced.enabled=false", "switched off", "tracedWithAttributes", false),
          new Row("2d", "untraced, two parameters, in (2)'s JVM", "switched off", "untracedWithAttributes", false),
          new Row("3", "hand-written span", "woven", "handWritten", true),
          new Row("4", "@Traced", "woven", "traced", true),
          new Row("5", "@Traced, two @SpanAttribute", "woven", "tracedWithAttributes", true),
          new Row("5b", "hand-written, two attributes", "woven", "handWrittenWithAttributes", true),
          new Row("6a", "@Traced, completed CompletableFuture", "woven", "tracedCompletableFuture", true),
          new Row("6ab", "hand-written, completed CompletableFuture", "woven", "handWrittenCompletableFuture", true),
          new Row("6b", "@Traced, completed Vert.x Future", "woven", "tracedVertxFuture", true),
          new Row("6bb", "hand-written, completed Vert.x Future", "woven", "handWrittenVertxFuture", true),
          new Row("8a", "@Traced, completed Guava ListenableFuture", "woven", "tracedListenableFuture", true),
          new Row("8ab", "hand-written, completed Guava ListenableFuture", "woven", "handWrittenListenableFuture", true),
          new Row("8b", "@Traced, Reactor Mono, subscribed", "woven", "tracedMono", true),
          new Row("8bb", "hand-written, Reactor Mono, subscribed", "woven", "handWrittenMono", true),
          new Row("8c", "@Traced, Reactor Flux of two, subscribed", "woven", "tracedFlux", true),
          new Row("8cb", "hand-written, Reactor Flux of two, subscribed", "woven", "handWrittenFlux", true),
          new Row("8d", "@Traced, RxJava Single, subscribed", "woven", "tracedSingle", true),
          new Row("8db", "hand-written, RxJava Single, subscribed", "woven", "handWrittenSingle", true),
          new Row("8e", "@Traced, Mutiny Uni, subscribed", "woven", "tracedUni", true),
          new Row("8eb", "hand-written, Mutiny Uni, subscribed", "woven", "handWrittenUni", true),
          new Row("8f", "@Traced, RxJava Maybe, subscribed", "woven", "tracedMaybe", true),
          new Row("8fb", "hand-written, RxJava Maybe, subscribed", "woven", "handWrittenMaybe", true),
          new Row("8g", "@Traced, RxJava Completable, subscribed", "woven", "tracedCompletable", true),
          new Row("8gb", "hand-written, RxJava Completable, subscribed", "woven", "handWrittenCompletable", true),
          new Row("8h", "@Traced, RxJava Observable of two, subscribed", "woven", "tracedObservable", true),
          new Row("8hb", "hand-written, RxJava Observable of two, subscribed", "woven", "handWrittenObservable", true),
          new Row("8i", "@Traced, RxJava Flowable of two, subscribed", "woven", "tracedFlowable", true),
          new Row("8ib", "hand-written, RxJava Flowable of two, subscribed", "woven", "handWrittenFlowable", true),
          new Row("8j", "@Traced, Mutiny Multi of two, subscribed", "woven", "tracedMulti", true),
          new Row("8jb", "hand-written, Mutiny Multi of two, subscribed", "woven", "handWrittenMulti", true),
          new Row("8k", "@Traced, Reactive Streams Publisher of two, subscribed", "woven", "tracedPublisher", true),
          new Row("8kb", "hand-written, Reactive Streams Publisher of two, subscribed", "woven", "handWrittenPublisher", true),
          new Row("9a", "@Traced, 1 method round-robin", "woven", "manyTraced[1]", true),
          new Row("9ah", "hand-written, 1 method round-robin", "woven", "manyHandWritten[1]", true),
          new Row("9ab", "untraced, 1 method round-robin", "woven", "manyUntraced[1]", false),
          new Row("9b", "@Traced, 100 methods round-robin", "woven", "manyTraced[100]", true),
          new Row("9bh", "hand-written, 100 methods round-robin", "woven", "manyHandWritten[100]", true),
          new Row("9bb", "untraced, 100 methods round-robin", "woven", "manyUntraced[100]", false),
          new Row("9c", "@Traced, 10,000 methods round-robin", "woven", "manyTraced[10000]", true),
          new Row("9ch", "hand-written, 10,000 methods round-robin", "woven", "manyHandWritten[10000]", true),
          new Row("9cb", "untraced, 10,000 methods round-robin", "woven", "manyUntraced[10000]", false),
          new Row("10a", "@Traced(metrics = true), with a metric reader", "configured", "timed", true),
          new Row("10ab", "@Traced, in (10a)'s JVM", "configured", "configuredTraced", true),
          new Row("10b", "@Traced, excluded by traced.exclude", "configured", "excluded", false),
          new Row("10c", "no annotation, in a class with @Traced methods (woven, untraced)", "configured", "mayOverride", false),
          new Row("10cb", "@NotTraced, the same method unwoven", "configured", "configuredUntraced", false),
          new Row("10d", "no annotation, listed by a TracedMethods aspect in aop.xml", "configured", "listed", true),
          new Row("7", "@WithSpan, OpenTelemetry Java agent", "agent", "withSpan", true),
          new Row("7b", "hand-written span, under the agent", "agent", "handWrittenUnderAgent", true));

  private final List<Measured> measured;

  MethodReport(List<Measured> measured) {
    this.measured = measured;
  }

  /** The span name each benchmark's spans carry: the name of the benchmark, but for a twin and a default name. */
  static String spanName(String method) {
    return switch (method) {
      case "handWrittenUnderAgent" -> "handWritten";
      case "listed" -> "ListedWork.listed";
      default -> method;
    };
  }

  String render() {
    StringBuilder out = new StringBuilder();
    out.append("| # | variant | ns/op | ± error | calls | spans received | dropped |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|\n");
    for (Row row : ROWS) {
      find(row).ifPresent(m -> out.append(line(row, m)));
    }
    out.append("\n| target | measured | met |\n|---|---|---|\n");
    ratio(out, "(4) ≤ 1.05 × (3)", "4", "3", 1.05);
    ratio(out, "(5) ≤ 1.05 × (5b)", "5", "5b", 1.05);
    ratio(out, "(6a) ≤ 1.05 × (6ab)", "6a", "6ab", 1.05);
    ratio(out, "(6b) ≤ 1.05 × (6bb)", "6b", "6bb", 1.05);
    for (String kind : List.of("8a", "8b", "8c", "8d", "8e", "8f", "8g", "8h", "8i", "8j", "8k")) {
      ratio(out, "(" + kind + ") ≤ 1.05 × (" + kind + "b)", kind, kind + "b", 1.05);
    }
    tracingCost(out, "(9b) − (9bb) ≤ 1.10 × ((9a) − (9ab))", "9b", "9a");
    tracingCost(out, "(9c) − (9cb) ≤ 1.10 × ((9a) − (9ab))", "9c", "9a");
    for (String count : List.of("9a", "9b", "9c")) {
      ratio(out, "(" + count + ") ≤ 1.05 × (" + count + "h)", count, count + "h", 1.05);
    }
    ratio(out, "(10a) ≤ 1.15 × (10ab)", "10a", "10ab", 1.15);
    ratio(out, "(10d) ≤ 1.05 × (10ab)", "10d", "10ab", 1.05);
    difference(out, "(10b) ≤ (10cb) + 5 ns", "10b", "10cb", 5);
    difference(out, "(10c) ≤ (10cb) + 5 ns", "10c", "10cb", 5);
    difference(out, "(2) ≤ (2b) + 5 ns", "2", "2b", 5);
    difference(out, "(2) ≤ (1) + 5 ns", "2", "1", 5);
    difference(out, "(2c) ≤ (2d) + 5 ns", "2c", "2d", 5);
    ratio(out, "(4) < (7)", "4", "7", 1.0);
    return out.toString();
  }

  private static String line(Row row, Measured m) {
    long expected = row.traced() ? m.calls() : 0;
    long dropped = expected - m.spans();
    return String.format(
        Locale.ROOT,
        "| %s | %s | %.1f | %.1f | %,d | %,d | %s |%n",
        row.id(),
        row.label(),
        m.score(),
        m.error(),
        m.calls(),
        m.spans(),
        dropped == 0 ? "0" : String.format(Locale.ROOT, "%,d (%.1f%%)", dropped, 100.0 * dropped / Math.max(1, expected)));
  }

  private void ratio(StringBuilder out, String target, String id, String baselineId, double limit) {
    Optional<Measured> value = find(id);
    Optional<Measured> baseline = find(baselineId);
    if (value.isPresent() && baseline.isPresent()) {
      double ratio = value.get().score() / baseline.get().score();
      out.append(String.format(Locale.ROOT, "| %s | %.3f × | %s |%n", target, ratio, met(limit == 1.0 ? ratio < 1.0 : ratio <= limit)));
    }
  }

  /** What tracing adds to a call with many methods, against what it adds with one: the lookup's scaling. */
  private void tracingCost(StringBuilder out, String target, String manyId, String oneId) {
    Optional<Measured> many = find(manyId);
    Optional<Measured> manyUntraced = find(manyId + "b");
    Optional<Measured> one = find(oneId);
    Optional<Measured> oneUntraced = find(oneId + "b");
    if (many.isPresent() && manyUntraced.isPresent() && one.isPresent() && oneUntraced.isPresent()) {
      double ratio = (many.get().score() - manyUntraced.get().score()) / (one.get().score() - oneUntraced.get().score());
      out.append(String.format(Locale.ROOT, "| %s | %.3f × | %s |%n", target, ratio, met(ratio <= 1.10)));
    }
  }

  private void difference(StringBuilder out, String target, String id, String baselineId, double limitNanos) {
    Optional<Measured> value = find(id);
    Optional<Measured> baseline = find(baselineId);
    if (value.isPresent() && baseline.isPresent()) {
      double difference = value.get().score() - baseline.get().score();
      out.append(String.format(Locale.ROOT, "| %s | %+.2f ns | %s |%n", target, difference, met(difference <= limitNanos)));
    }
  }

  private static String met(boolean met) {
    return met ? "yes" : "**no**";
  }

  private Optional<Measured> find(String id) {
    return ROWS.stream().filter(row -> row.id().equals(id)).findFirst().flatMap(this::find);
  }

  private Optional<Measured> find(Row row) {
    return measured.stream().filter(m -> m.group().equals(row.group()) && m.method().equals(row.method())).findFirst();
  }

  /** One line of the table: which benchmark, in which group, and whether it makes a span per call. */
  private record Row(String id, String label, String group, String method, boolean traced) {}
}
