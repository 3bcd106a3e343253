package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

/** Any {@link CompletionStage}: the span ends when it completes; the caller keeps the same instance. */
final class CompletionStageKind implements AsyncKind {

  @Override
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    // A subclass may refuse isDone() (minimalCompletionStage does): only a plain one is asked.
    if (result.getClass() == CompletableFuture.class && ((CompletableFuture<?>) result).isDone()) {
      CompletableFuture<?> future = (CompletableFuture<?>) result;
      Outcomes.completeDone(() -> future.getNow(null), span, ending);
    } else {
      ((CompletionStage<?>) result).whenComplete(new Callback(span, ending));
    }
    return result;
  }

  /** Holds the span itself: a call allocates one object, as a hand-written {@code whenComplete} does. */
  private record Callback(Span span, SpanEnding ending) implements BiConsumer<Object, Throwable> {
    @Override
    public void accept(Object value, Throwable failure) {
      Outcomes.complete(span, ending, value, failure);
    }
  }
}
