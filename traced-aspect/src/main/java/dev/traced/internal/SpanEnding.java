package dev.traced.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

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

  private final AttributeBinding<?> returned;
  private final AttributeBinding<?> completed;
  private final Class<? extends Throwable>[] expected;

  /**
   * @param returned how to record a returned value, or {@code null} to record none
   * @param completed how to record the value an asynchronous result completes with, or {@code null}
   * @param expected failures that are recorded but are not errors
   */
  SpanEnding(
      AttributeBinding<?> returned, AttributeBinding<?> completed, Class<? extends Throwable>[] expected) {
    this.returned = returned;
    this.completed = completed;
    this.expected = expected;
  }

  public void returned(Span span, Object value) {
    succeeded(span, returned, value);
  }

  public void completed(Span span, Object value) {
    succeeded(span, completed, value);
  }

  private static void succeeded(Span span, AttributeBinding<?> binding, Object value) {
    try {
      if (binding != null) {
        binding.setOn(span, value);
      }
    } finally {
      span.end();
    }
  }

  public void failed(Span span, Throwable error) {
    try {
      span.recordException(error);
      if (!isExpected(error)) {
        span.setStatus(StatusCode.ERROR);
      }
    } finally {
      span.end();
    }
  }

  public void cancelled(Span span) {
    try {
      span.setAttribute(CANCELED, true);
    } finally {
      span.end();
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
