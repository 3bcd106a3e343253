package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The span of a call that returned a lazy result (a publisher, a {@code Mono}, a {@code Uni}...):
 * ended by the first subscription's end, however many subscriptions follow. Counts the items of a
 * stream, which is what {@code result = "name"} records for one.
 */
final class FirstSubscription {

  private final Span span;
  private final SpanEnding ending;
  private final AtomicBoolean ended = new AtomicBoolean();
  private long items;

  FirstSubscription(Span span, SpanEnding ending) {
    this.span = span;
    this.ending = ending;
  }

  Span span() {
    return span;
  }

  void item() {
    items++;
  }

  /** The single value of a one-value result, or {@code null} for an empty one. */
  void completed(Object value) {
    if (ended.compareAndSet(false, true)) {
      ending.completed(span, value);
    }
  }

  /** A stream's end: records how many items it had. */
  void streamCompleted() {
    completed(items);
  }

  void failed(Throwable error) {
    if (ended.compareAndSet(false, true)) {
      Outcomes.complete(span, ending, null, error);
    }
  }

  void cancelled() {
    if (ended.compareAndSet(false, true)) {
      ending.cancelled(span);
    }
  }
}
