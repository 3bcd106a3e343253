package dev.traced.sample.services;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the spans that the exporters failed to deliver.
 *
 * <p>While a service runs, the SDK logs each failed export itself. At exit it cannot: the JDK
 * resets logging as the process shuts down, so spans lost in the final flush would go unnoticed.
 * This count lets {@link Telemetry#shutdown()} say how many were lost.
 */
final class SpanDelivery {

  private final AtomicLong undelivered = new AtomicLong();

  /** {@code exporter}, with its failed exports counted here. */
  SpanExporter track(SpanExporter exporter) {
    return new Tracked(exporter);
  }

  /** Spans whose export failed since the service started. */
  long undelivered() {
    return undelivered.get();
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
            if (!result.isSuccess()) {
              undelivered.addAndGet(count);
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
