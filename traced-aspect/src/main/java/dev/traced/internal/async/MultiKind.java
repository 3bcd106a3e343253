package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Multi;

/** Mutiny's {@link Multi}: the caller gets a {@code Multi} whose first subscription ends the span. */
final class MultiKind implements AsyncKind {

  @Override
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    FirstSubscription first = new FirstSubscription(span, ending);
    return ((Multi<?>) result)
        .onItem().invoke(item -> first.item())
        .onCompletion().invoke(first::streamCompleted)
        .onFailure().invoke(first::failed)
        .onCancellation().invoke(first::cancelled);
  }

  @Override
  public boolean isStream() {
    return true;
  }
}
