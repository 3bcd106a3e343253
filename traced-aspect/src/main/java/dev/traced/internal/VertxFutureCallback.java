package dev.traced.internal;

import io.opentelemetry.api.trace.Span;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;

/**
 * Ends a span when a Vert.x future completes; see {@link VertxFutures}.
 *
 * <p>The handler holds the span itself, so a call allocates as many objects as a hand-written
 * {@code onComplete(outcome -> span.end())}, not a lambda wrapped in another.
 */
final class VertxFutureCallback implements Handler<AsyncResult<Object>> {

  private final Span span;
  private final SpanEnding ending;

  private VertxFutureCallback(Span span, SpanEnding ending) {
    this.span = span;
    this.ending = ending;
  }

  @SuppressWarnings("unchecked")
  static void register(Object future, Span span, SpanEnding ending) {
    ((Future<Object>) future).onComplete(new VertxFutureCallback(span, ending));
  }

  @Override
  public void handle(AsyncResult<Object> outcome) {
    AsyncResults.complete(span, ending, outcome.result(), outcome.cause());
  }
}
