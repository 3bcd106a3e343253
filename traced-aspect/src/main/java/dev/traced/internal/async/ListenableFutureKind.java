package dev.traced.internal.async;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;

/** Guava's {@link ListenableFuture}: the span ends when it completes; the caller keeps the same instance. */
final class ListenableFutureKind implements AsyncKind {

  @Override
  public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
    ListenableFuture<?> future = (ListenableFuture<?>) result;
    if (future.isDone()) {
      Outcomes.completeDone(() -> Futures.getDone(future), span, ending);
    } else {
      future.addListener(() -> Outcomes.completeDone(() -> Futures.getDone(future), span, ending), MoreExecutors.directExecutor());
    }
    return result;
  }
}
