package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Observer;
import io.reactivex.rxjava3.disposables.Disposable;

/** RxJava 3's {@link Observable}: the caller gets an {@code Observable} whose first subscription ends the span. */
final class RxObservableKind implements AsyncKind {

  @Override
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    FirstSubscription first = new FirstSubscription(span, ending);
    // One operator for the signals instead of one per signal: each costs the caller a subscriber
    // in the chain (an operator per signal measured 1.28 x the hand-written twin).
    return ((Observable<?>) result).doOnEach(new Signals(first)).doOnDispose(first::cancelled);
  }

  /** Hands an {@code Observable}'s signals to its {@link FirstSubscription}. */
  private record Signals(FirstSubscription first) implements Observer<Object> {

    @Override
    public void onSubscribe(Disposable subscription) {}

    @Override
    public void onNext(Object item) {
      first.item();
    }

    @Override
    public void onError(Throwable error) {
      first.failed(error);
    }

    @Override
    public void onComplete() {
      first.streamCompleted();
    }
  }

  @Override
  public boolean isStream() {
    return true;
  }
}
