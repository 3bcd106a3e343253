package dev.traced.sample.harness;

import java.util.Map;

/**
 * A span as an OTLP receiver got it, decoded into plain values.
 *
 * @param service the {@code service.name} of the resource that exported it
 * @param traceId 32 hex digits
 * @param spanId 16 hex digits
 * @param parentSpanId 16 hex digits, or empty for a root span
 * @param name the span name
 * @param kind {@code SERVER}, {@code CLIENT}, {@code INTERNAL}, ...
 * @param startNanos start, in nanoseconds since the epoch
 * @param endNanos end, in nanoseconds since the epoch
 * @param attributes attribute values, rendered as text, in the order they were sent
 * @param status {@code UNSET}, {@code OK} or {@code ERROR}
 */
public record ReceivedSpan(
    String service,
    String traceId,
    String spanId,
    String parentSpanId,
    String name,
    String kind,
    long startNanos,
    long endNanos,
    Map<String, String> attributes,
    String status) {

  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }

  public double durationMillis() {
    return (endNanos - startNanos) / 1_000_000.0;
  }
}
