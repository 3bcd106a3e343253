package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import io.reactivex.rxjava3.core.Single;

/** RxJava 3's {@link Single}: the caller gets a {@code Single} whose first subscription ends the span. */
final class RxSingleKind implements AsyncKind {

  @Override
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    FirstSubscription first = new FirstSubscription(span, ending);
    return ((Single<?>) result).doOnSuccess(first::completed).doOnError(first::failed).doOnDispose(first::cancelled);
  }
}
