package dev.traced.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.ReadableSpan;

/**
 * The duration of an ended span as the OpenTelemetry SDK measured it, when the span is the SDK's
 * own. The SDK reads the clock when a span starts and ends; a timed call ({@link MethodMetrics})
 * of such a span reuses those readings instead of two of its own, which cost more than the rest of
 * the metric on a machine with a slow clock. Spans of no SDK on the class path, of the Java agent's
 * SDK (another class loader) and spans that are not recorded are timed by the call itself.
 */
final class SpanLatency {

  private static final boolean SDK_PRESENT = isPresent("io.opentelemetry.sdk.trace.ReadableSpan");

  private SpanLatency() {}

  /** Whether {@code span} will know its own duration once ended. */
  static boolean isMeasuredBySdk(Span span) {
    return SDK_PRESENT && Sdk.isReadable(span);
  }

  /** The duration of {@code span}, which {@link #isMeasuredBySdk} and has ended. */
  static long nanosOf(Span span) {
    return Sdk.latency(span);
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, SpanLatency.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Loaded only when the SDK is present, so that this library never needs it. */
  private static final class Sdk {
    static boolean isReadable(Span span) {
      return span instanceof ReadableSpan;
    }

    static long latency(Span span) {
      return ((ReadableSpan) span).getLatencyNanos();
    }
  }
}
