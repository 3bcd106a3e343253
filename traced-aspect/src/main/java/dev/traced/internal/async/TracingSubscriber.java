package dev.traced.internal.async;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Stands between a traced method's publisher and its subscriber: the span is current while the
 * subscription starts and while each signal reaches the subscriber, so what runs downstream (a
 * {@code map}, a {@code @Traced} method, a client call) nests under it; the first subscription's
 * completion, error or cancellation ends it.
 */
class TracingSubscriber<T> implements Subscriber<T>, Subscription {

  private final Subscriber<? super T> actual;
  private final FirstSubscription first;
  private final boolean stream;
  private Subscription upstream;
  private Object value;

  TracingSubscriber(Subscriber<? super T> actual, FirstSubscription first, boolean stream) {
    this.actual = actual;
    this.first = first;
    this.stream = stream;
  }

  /** Subscribes {@code subscriber} to {@code source} with the span current. */
  static <T> void subscribe(Publisher<T> source, TracingSubscriber<T> subscriber) {
    try (Scope ignored = subscriber.enter()) {
      source.subscribe(subscriber);
    }
  }

  /**
   * Makes the span current, unless it is already: a signal that arrives while the subscription
   * starts, on the same thread (a {@code Mono.just}), finds it current and pays for no new scope.
   */
  private Scope enter() {
    Span span = first.span();
    return Span.current() == span ? Scope.noop() : span.makeCurrent();
  }

  @Override
  public void onSubscribe(Subscription subscription) {
    upstream = subscription;
    try (Scope ignored = enter()) {
      actual.onSubscribe(this);
    }
  }

  @Override
  public void onNext(T item) {
    if (stream) {
      first.item();
    } else {
      value = item;
    }
    try (Scope ignored = enter()) {
      actual.onNext(item);
    }
  }

  @Override
  public void onError(Throwable error) {
    first.failed(error);
    try (Scope ignored = enter()) {
      actual.onError(error);
    }
  }

  @Override
  public void onComplete() {
    if (stream) {
      first.streamCompleted();
    } else {
      first.completed(value);
    }
    try (Scope ignored = enter()) {
      actual.onComplete();
    }
  }

  @Override
  public void request(long n) {
    upstream.request(n);
  }

  @Override
  public void cancel() {
    first.cancelled();
    upstream.cancel();
  }
}
