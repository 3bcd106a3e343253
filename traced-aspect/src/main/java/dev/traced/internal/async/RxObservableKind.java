package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import io.reactivex.rxjava3.core.Observable;

/** RxJava 3's {@link Observable}: the caller gets an {@code Observable} whose first subscription ends the span. */
final class RxObservableKind implements AsyncKind {

  @Override
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    FirstSubscription first = new FirstSubscription(span, ending);
    return ((Observable<?>) result)
        .doOnNext(item -> first.item())
        .doOnComplete(first::streamCompleted)
        .doOnError(first::failed)
        .doOnDispose(first::cancelled);
  }

  @Override
  public boolean isStream() {
    return true;
  }
}
