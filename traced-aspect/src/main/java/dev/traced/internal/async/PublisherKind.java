package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;

/**
 * A Reactive Streams {@link Publisher}, the interface every reactive library shares: the caller
 * gets a wrapper whose first subscription ends the span (see {@link TracingSubscriber}).
 */
final class PublisherKind implements AsyncKind {

  @Override
  @SuppressWarnings("unchecked")
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    return traced((Publisher<Object>) result, new FirstSubscription(span, ending));
  }

  @Override
  public boolean isStream() {
    return true;
  }

  /** {@code source}, whose subscribers see its signals inside the span, and end it. */
  static <T> Publisher<T> traced(Publisher<T> source, FirstSubscription first) {
    return new Publisher<T>() {
      @Override
      public void subscribe(Subscriber<? super T> subscriber) {
        TracingSubscriber.subscribe(source, new TracingSubscriber<>(subscriber, first, true));
      }
    };
  }
}
