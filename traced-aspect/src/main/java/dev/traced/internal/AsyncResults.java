package dev.traced.internal;

import io.opentelemetry.api.trace.Span;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Keeps a span open until the asynchronous result of its method completes.
 *
 * <p>Registers on a {@link CompletionStage} here, and on a Vert.x future through
 * {@link VertxFutures}; both end the span through {@link #complete}, so a failure of either kind
 * is recorded alike. The caller keeps the very same result instance: the span's end is only a
 * callback registered on it.
 */
final class AsyncResults {

  private AsyncResults() {}

  /** Arranges for {@code span} to end as {@code ending} says when {@code stage} completes. */
  static void endOnCompletion(CompletionStage<?> stage, Span span, SpanEnding ending) {
    stage.whenComplete((value, failure) -> complete(span, ending, value, failure));
  }

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
