package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How every kind maps the way its result ended onto the span: the one place where a value, a
 * failure (unwrapped from the wrappers futures put around it) and a cancellation are told apart.
 */
final class Outcomes {

  private Outcomes() {}

  /** Ends {@code span} with {@code value}, or with {@code failure} when that is not {@code null}. */
  static void complete(Span span, SpanEnding ending, Object value, Throwable failure) {
    if (failure == null) {
      ending.completed(span, value);
      return;
    }
    Throwable cause = unwrap(failure);
    if (cause instanceof CancellationException) {
      ending.cancelled(span);
    } else {
      ending.failed(span, cause);
    }
  }

  /** Reads the outcome of a result that has completed already; throws its failure. */
  interface Done {
    Object value() throws Exception;
  }

  /** Ends {@code span} at once with the outcome of a result that has completed already. */
  static void completeDone(Done done, Span span, SpanEnding ending) {
    Object value;
    try {
      value = done.value();
    } catch (Exception failure) {
      complete(span, ending, null, failure);
      return;
    }
    complete(span, ending, value, null);
  }

  /** The failure the application produced, not the wrapper a future put around it. */
  static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof CompletionException || current instanceof ExecutionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
