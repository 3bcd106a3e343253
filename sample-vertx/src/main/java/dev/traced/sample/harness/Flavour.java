package dev.traced.sample.harness;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * One of the tutorial's three ways to trace s1 → s2, as the sample runs it: the two services,
 * whether they run under the OpenTelemetry Java agent and need Redis and MariaDB, and how to tell
 * that one request's trace has arrived whole. The demo and the tests go through {@link #ALL}.
 *
 * @param title how the demo introduces it
 * @param s2 the command of the called service
 * @param s1 the command of the calling service, which answers {@link #answer}
 * @param answer what s1 answers
 * @param javaAgent its spans come from the OpenTelemetry Java agent
 * @param dataStores s1 talks to Redis and MariaDB
 * @param complete whether the spans of one trace are all there
 */
public record Flavour(
    String title, String s2, String s1, String answer, boolean javaAgent, boolean dataStores, Predicate<List<ReceivedSpan>> complete) {

  public static final Flavour HAND_WRITTEN =
      new Flavour("hand-written spans (s1.py, s2.py)", "s2", "s1", "hello world 1", false, false, named("s1-span", "s1-span-db", "s2-span", "send s2.hello", "process s2.hello"));

  public static final Flavour DECORATOR =
      new Flavour(
          "@Traced spans, woven at load time (decorator-s1.py)", "s2", "decorator-s1", "hello world 1", false, false,
          named("phase-1", "phase-2", "s2-span", "send s2.hello", "process s2.hello"));

  /** Four spans of auto-s1 (the request, Redis, the database, the call) and auto-s2's request. */
  public static final Flavour ZERO_CODE =
      new Flavour(
          "zero-code, the OpenTelemetry Java agent (auto-s1.py)", "auto-s2", "auto-s1", "hello world", true, true,
          trace ->
              has(trace, "auto-s1", "SERVER")
                  && has(trace, "auto-s2", "SERVER")
                  && trace.stream().anyMatch(span -> "redis".equals(span.attributes().get("db.system.name")))
                  && trace.stream().anyMatch(span -> span.attributes().containsKey("db.query.text") && span.attributes().get("db.query.text").startsWith("SELECT"))
                  && trace.stream().anyMatch(span -> span.service().equals("auto-s1") && span.kind().equals("CLIENT") && span.attributes().containsKey("url.full")));

  public static final List<Flavour> ALL = List.of(HAND_WRITTEN, DECORATOR, ZERO_CODE);

  private static Predicate<List<ReceivedSpan>> named(String... names) {
    Set<String> expected = Set.of(names);
    return trace -> trace.stream().map(ReceivedSpan::name).collect(Collectors.toSet()).containsAll(expected);
  }

  private static boolean has(List<ReceivedSpan> trace, String service, String kind) {
    return trace.stream().anyMatch(span -> span.service().equals(service) && span.kind().equals(kind));
  }

  @Override
  public String toString() {
    return s1 + " → " + s2;
  }
}
