package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;

/**
 * Reactor's {@link Flux}: the caller gets a {@code Flux} whose first subscription ends the span,
 * with the span current downstream, and Reactor's own {@code Context} passed through.
 */
final class FluxKind implements AsyncKind {

  @Override
  @SuppressWarnings("unchecked")
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    return new Traced<>((Flux<Object>) result, new FirstSubscription(span, ending));
  }

  @Override
  public boolean isStream() {
    return true;
  }

  private static final class Traced<T> extends FluxOperator<T, T> {
    private final FirstSubscription first;

    Traced(Flux<T> source, FirstSubscription first) {
      super(source);
      this.first = first;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
      TracingSubscriber.subscribe(source, new ReactorTracingSubscriber<>(actual, first, true));
    }
  }
}
