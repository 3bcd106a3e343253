package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import io.reactivex.rxjava3.core.Maybe;

/**
 * RxJava 3's {@link Maybe}: the caller gets a {@code Maybe} whose first subscription ends the
 * span; an empty one completes it with no value.
 */
final class RxMaybeKind implements AsyncKind {

  @Override
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    FirstSubscription first = new FirstSubscription(span, ending);
    return ((Maybe<?>) result)
        .doOnSuccess(first::completed)
        .doOnComplete(() -> first.completed(null))
        .doOnError(first::failed)
        .doOnDispose(first::cancelled);
  }
}
