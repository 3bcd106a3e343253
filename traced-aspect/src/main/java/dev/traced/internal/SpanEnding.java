package dev.traced.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.util.concurrent.CancellationException;

/**
 * Ends a method's span with its outcome: a value, a failure or a cancellation.
 *
 * <p>Shared by the synchronous path and by every kind of asynchronous result
 * ({@code dev.traced.internal.async}), so that an exception thrown by the method and a failed
 * future are recorded alike. Every path ends the span, even when recording the outcome fails.
 */
public final class SpanEnding {

  /** Set on a span whose asynchronous result was cancelled; such a span is not an error. */
  static final AttributeKey<Boolean> CANCELED = AttributeKey.booleanKey("traced.canceled");

  private static final CancellationException CANCELLATION = new CancellationException();

  private final AttributeBinding<?> returned;
  private final AttributeBinding<?> completed;
  private final Class<? extends Throwable>[] expected;
  /** The method's duration metric, {@code null} when it records none. */
  private final MethodMetrics metrics;
  /** When the call began ({@link System#nanoTime()}), for the duration metric. */
  private final long startNanos;

  /**
   * @param returned how to record a returned value, or {@code null} to record none
   * @param completed how to record the value an asynchronous result completes with, or {@code null}
   * @param expected failures that are recorded but are not errors
   * @param metrics the method's duration metric, or {@code null} when it records none
   */
  SpanEnding(
      AttributeBinding<?> returned,
      AttributeBinding<?> completed,
      Class<? extends Throwable>[] expected,
      MethodMetrics metrics) {
    this(returned, completed, expected, metrics, 0);
  }

  private SpanEnding(
      AttributeBinding<?> returned,
      AttributeBinding<?> completed,
      Class<? extends Throwable>[] expected,
      MethodMetrics metrics,
      long startNanos) {
    this.returned = returned;
    this.completed = completed;
    this.expected = expected;
    this.metrics = metrics;
    this.startNanos = startNanos;
  }

  /** Whether ending a call that returned is ending its span and nothing else: no result, no metric. */
  boolean isPlain() {
    return returned == null && metrics == null;
  }

  /** Whether the calls of this method are timed, and so each needs an ending of its own ({@link #forCallStartedAt}). */
  boolean isTimed() {
    return metrics != null;
  }

  /**
   * This ending, for one asynchronous call that began at {@code startNanos}, so that its end, on
   * whichever thread, records its duration. A synchronous call passes its start instead.
   */
  SpanEnding forCallStartedAt(long startNanos) {
    return new SpanEnding(returned, completed, expected, metrics, startNanos);
  }

  public void returned(Span span, Object value) {
    returned(span, value, startNanos);
  }

  /** As {@link #returned(Span, Object)}, for a synchronous call that began at {@code startNanos}. */
  void returned(Span span, Object value, long startNanos) {
    succeeded(span, returned, value, startNanos);
  }

  public void completed(Span span, Object value) {
    succeeded(span, completed, value, startNanos);
  }

  private void succeeded(Span span, AttributeBinding<?> binding, Object value, long startNanos) {
    try {
      if (binding != null) {
        binding.setOn(span, value);
      }
    } finally {
      span.end();
      recordDuration(span, null, startNanos);
    }
  }

  public void failed(Span span, Throwable error) {
    failed(span, error, startNanos);
  }

  /** As {@link #failed(Span, Throwable)}, for a synchronous call that began at {@code startNanos}. */
  void failed(Span span, Throwable error, long startNanos) {
    boolean isError = !isExpected(error);
    try {
      span.recordException(error);
      if (isError) {
        span.setStatus(StatusCode.ERROR);
      }
    } finally {
      span.end();
      recordDuration(span, isError ? error : null, startNanos);
    }
  }

  /** A cancelled result is not an error of the span; its duration is kept apart as a {@code CancellationException}. */
  public void cancelled(Span span) {
    try {
      span.setAttribute(CANCELED, true);
    } finally {
      span.end();
      recordDuration(span, CANCELLATION, startNanos);
    }
  }

  /**
   * Records the call's duration: from {@code startNanos} when the call timed itself, or as the
   * SDK measured the span ({@link SpanLatency}). A call with neither could not make its span
   * current, and records nothing.
   */
  private void recordDuration(Span span, Throwable error, long startNanos) {
    if (metrics == null) {
      return;
    }
    if (startNanos != 0) {
      metrics.record(System.nanoTime() - startNanos, error);
    } else if (SpanLatency.isMeasuredBySdk(span)) {
      metrics.record(SpanLatency.nanosOf(span), error);
    }
  }


  boolean isExpected(Throwable error) {
    for (Class<? extends Throwable> type : expected) {
      if (type.isInstance(error)) {
        return true;
      }
    }
    return false;
  }
}
