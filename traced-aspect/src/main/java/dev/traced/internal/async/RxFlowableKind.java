package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import io.reactivex.rxjava3.core.Flowable;

/**
 * RxJava 3's {@link Flowable}, a Reactive Streams publisher: the caller gets a {@code Flowable}
 * whose first subscription ends the span, with the span current downstream.
 */
final class RxFlowableKind implements AsyncKind {

  @Override
  @SuppressWarnings("unchecked")
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    return Flowable.fromPublisher(PublisherKind.traced((Flowable<Object>) result, new FirstSubscription(span, ending)));
  }

  @Override
  public boolean isStream() {
    return true;
  }
}
