package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import io.reactivex.rxjava3.core.Completable;

/** RxJava 3's {@link Completable}: the caller gets a {@code Completable} whose first subscription ends the span. */
final class RxCompletableKind implements AsyncKind {

  @Override
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    FirstSubscription first = new FirstSubscription(span, ending);
    return ((Completable) result).doOnComplete(() -> first.completed(null)).doOnError(first::failed).doOnDispose(first::cancelled);
  }
}
