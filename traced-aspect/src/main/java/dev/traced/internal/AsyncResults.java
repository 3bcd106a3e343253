package dev.traced.internal;

import io.opentelemetry.api.trace.Span;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Keeps a span open until the asynchronous result of its method completes.
 *
 * <p>Recognises any {@link CompletionStage} and, when Vert.x is on the class path, any
 * {@code io.vertx.core.Future}, whatever the method's declared return type. The caller keeps the
 * very same result instance: the span's end is only a callback registered on it.
 */
final class AsyncResults {

  private AsyncResults() {}

  /**
   * Arranges for {@code span} to end when {@code result} completes.
   *
   * @return whether {@code result} is asynchronous; if not, the caller ends the span
   */
  static boolean endOnCompletion(Object result, Span span, SpanEnding ending) {
    if (result instanceof CompletionStage) {
      ((CompletionStage<?>) result).whenComplete((value, failure) -> complete(span, ending, value, failure));
      return true;
    }
    if (VertxFutures.isFuture(result)) {
      VertxFutures.endOnCompletion(result, span, ending);
      return true;
    }
    return false;
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
