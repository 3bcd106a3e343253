package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;

/**
 * Reactor's {@link Mono}: the caller gets a {@code Mono} whose first subscription ends the span,
 * with the span current downstream, and Reactor's own {@code Context} passed through.
 */
final class MonoKind implements AsyncKind {

  @Override
  @SuppressWarnings("unchecked")
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    return new Traced<>((Mono<Object>) result, new FirstSubscription(span, ending));
  }

  private static final class Traced<T> extends MonoOperator<T, T> {
    private final FirstSubscription first;

    Traced(Mono<T> source, FirstSubscription first) {
      super(source);
      this.first = first;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
      TracingSubscriber.subscribe(source, new ReactorTracingSubscriber<>(actual, first, false));
    }
  }
}
