package dev.traced.internal.async;

import reactor.core.CoreSubscriber;
import reactor.util.context.Context;

/** A {@link TracingSubscriber} that hands Reactor's subscriber {@code Context} upstream unchanged. */
final class ReactorTracingSubscriber<T> extends TracingSubscriber<T> implements CoreSubscriber<T> {

  private final CoreSubscriber<? super T> actual;

  ReactorTracingSubscriber(CoreSubscriber<? super T> actual, FirstSubscription first, boolean stream) {
    super(actual, first, stream);
    this.actual = actual;
  }

  @Override
  public Context currentContext() {
    return actual.currentContext();
  }
}
