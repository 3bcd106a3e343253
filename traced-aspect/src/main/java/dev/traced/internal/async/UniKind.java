package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;

/** Mutiny's {@link Uni}: the caller gets a {@code Uni} whose first subscription ends the span. */
final class UniKind implements AsyncKind {

  @Override
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    FirstSubscription first = new FirstSubscription(span, ending);
    return ((Uni<?>) result)
        .onItem().invoke(first::completed)
        .onFailure().invoke(first::failed)
        .onCancellation().invoke(first::cancelled);
  }
}
