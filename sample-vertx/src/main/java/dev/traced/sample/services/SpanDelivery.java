package dev.traced.sample.services;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Accounts for every span a service ends: delivered to the trace backend, or not.
 *
 * <p>The SDK drops spans silently when its queue is full, and logs a failed export only while
 * logging still works: the JDK resets logging as the process shuts down, so spans lost in the final
 * flush would go unnoticed. Counting the spans that end and the spans the backend accepted tells,
 * at exit, exactly how many were lost, whatever the reason: {@link #summary(String)}.
 */
final class SpanDelivery {

  private final AtomicLong ended = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();

  /** Counts the sampled spans that end: the ones an exporter is given. */
  SpanProcessor endedSpans() {
    return new EndedSpans();
  }

  /** {@code exporter}, with the spans of its successful exports counted here. */
  SpanExporter track(SpanExporter exporter) {
    return new Tracked(exporter);
  }

  long ended() {
    return ended.get();
  }

  long delivered() {
    return delivered.get();
  }

  /**
   * One line for the service's exit: {@code s2: all 300 spans delivered to the trace backend}, or
   * {@code s2: 50 of 300 spans were not delivered to the trace backend (...)}.
   */
  String summary(String serviceName) {
    long endedSpans = ended.get();
    long lost = Math.max(0, endedSpans - delivered.get());
    if (lost == 0) {
      return serviceName + ": all " + endedSpans + " spans delivered to the trace backend";
    }
    return serviceName + ": " + lost + " of " + endedSpans + " spans were not delivered to the trace backend"
        + " (it failed or was too slow, or the export queue was full)";
  }

  private final class EndedSpans implements SpanProcessor {
    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      if (span.getSpanContext().isSampled()) {
        ended.incrementAndGet();
      }
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }

  private final class Tracked implements SpanExporter {
    private final SpanExporter delegate;

    Tracked(SpanExporter delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      int count = spans.size();
      CompletableResultCode result = delegate.export(spans);
      result.whenComplete(
          () -> {
            if (result.isSuccess()) {
              delivered.addAndGet(count);
            }
          });
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }

    @Override
    public String toString() {
      return delegate.toString();
    }
  }
}
