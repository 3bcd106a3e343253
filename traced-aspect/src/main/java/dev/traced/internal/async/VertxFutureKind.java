package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;

/** A Vert.x {@link Future}: the span ends when it completes; the caller keeps the same instance. */
final class VertxFutureKind implements AsyncKind {

  @Override
  @SuppressWarnings("unchecked")
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    Future<Object> future = (Future<Object>) result;
    if (future.isComplete()) {
      Outcomes.complete(span, ending, future.result(), future.cause());
    } else {
      future.onComplete(new Callback(span, ending));
    }
    return result;
  }

  /** Holds the span itself: a call allocates one object, as a hand-written {@code onComplete} does. */
  private record Callback(Span span, SpanEnding ending) implements Handler<AsyncResult<Object>> {
    @Override
    public void handle(AsyncResult<Object> outcome) {
      Outcomes.complete(span, ending, outcome.result(), outcome.cause());
    }
  }
}
