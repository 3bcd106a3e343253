package dev.traced.sample.demo;

import dev.traced.sample.harness.ReceivedSpan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Renders one trace as an indented tree: each span with its service, kind, duration, status and
 * attributes, children under their parent in start order.
 */
public final class TraceTree {

  /**
   * Attributes that every @Traced span, or every span of the Java agent, carries: useful in a
   * backend, noise in a terminal.
   */
  private static final Set<String> HIDDEN_ATTRIBUTES =
      Set.of(
          "code.function.name", "thread.id", "thread.name", "network.peer.address", "network.peer.port",
          "network.protocol.version", "user_agent.original", "client.address", "url.scheme",
          "messaging.operation.type", "messaging.operation.name");

  private TraceTree() {}

  /** Where Jaeger's UI is: {@code JAEGER_UI}, by default on its usual port on this machine. */
  static final String JAEGER_UI = uiAddress(System.getenv("JAEGER_UI"));

  /** Jaeger's page for a trace. */
  public static String jaegerLink(String traceId) {
    return JAEGER_UI + "/trace/" + traceId;
  }

  static String uiAddress(String setting) {
    if (setting == null || setting.isBlank()) {
      return "http://localhost:16686";
    }
    String address = setting.trim();
    return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
  }

  public static String render(String traceId, List<ReceivedSpan> spans) {
    List<String> services = spans.stream().map(ReceivedSpan::service).distinct().sorted().toList();
    StringBuilder out = new StringBuilder();
    out.append("trace ").append(traceId)
        .append("  (").append(spans.size()).append(" spans, services: ").append(String.join(", ", services)).append(")\n");
    out.append("  jaeger: ").append(jaegerLink(traceId)).append('\n');

    Set<String> ids = spans.stream().map(ReceivedSpan::spanId).collect(Collectors.toSet());
    Comparator<ReceivedSpan> byStart = Comparator.comparingLong(ReceivedSpan::startNanos);
    List<ReceivedSpan> roots =
        spans.stream().filter(span -> span.isRoot() || !ids.contains(span.parentSpanId())).sorted(byStart).toList();
    Map<String, List<ReceivedSpan>> children =
        spans.stream().filter(span -> !span.isRoot()).collect(Collectors.groupingBy(ReceivedSpan::parentSpanId));

    List<String[]> rows = new ArrayList<>();
    for (ReceivedSpan root : roots) {
      addRows(root, "", "", children, byStart, rows);
    }
    int nameWidth = rows.stream().mapToInt(row -> row[0].length()).max().orElse(0);
    int serviceWidth = rows.stream().mapToInt(row -> row[1].length()).max().orElse(0);
    for (String[] row : rows) {
      out.append("  ")
          .append(pad(row[0], nameWidth)).append("  ")
          .append(pad(row[1], serviceWidth)).append("  ")
          .append(row[2]).append('\n');
    }
    return out.toString();
  }

  private static void addRows(
      ReceivedSpan span,
      String prefix,
      String childPrefix,
      Map<String, List<ReceivedSpan>> children,
      Comparator<ReceivedSpan> byStart,
      List<String[]> rows) {
    rows.add(new String[] {prefix + span.name(), "[" + span.service() + "]", details(span)});
    List<ReceivedSpan> below = children.getOrDefault(span.spanId(), List.of()).stream().sorted(byStart).toList();
    for (int i = 0; i < below.size(); i++) {
      boolean last = i == below.size() - 1;
      addRows(
          below.get(i),
          childPrefix + (last ? "└─ " : "├─ "),
          childPrefix + (last ? "   " : "│  "),
          children,
          byStart,
          rows);
    }
  }

  private static String details(ReceivedSpan span) {
    StringBuilder details = new StringBuilder();
    details.append(pad(span.kind(), 8)).append(' ')
        .append(String.format(Locale.ROOT, "%8.2f ms", span.durationMillis()));
    if (!span.status().equals("UNSET")) {
      details.append("  ").append(span.status());
    }
    String attributes =
        span.attributes().entrySet().stream()
            .filter(attribute -> !HIDDEN_ATTRIBUTES.contains(attribute.getKey()))
            .map(attribute -> attribute.getKey() + "=" + attribute.getValue())
            .collect(Collectors.joining(" "));
    if (!attributes.isEmpty()) {
      details.append("  ").append(attributes);
    }
    return details.toString();
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
