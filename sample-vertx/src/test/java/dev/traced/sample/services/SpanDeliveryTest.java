package dev.traced.sample.services;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpanDeliveryTest {

  /** A backend whose answers the test gives, one per export, when it likes. */
  private static final class Backend implements SpanExporter {
    final List<CompletableResultCode> pending = new ArrayList<>();

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      CompletableResultCode result = new CompletableResultCode();
      pending.add(result);
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  @Test
  void countsTheSpansOfFailedExportsWhenTheyFail() {
    SpanDelivery delivery = new SpanDelivery();
    Backend backend = new Backend();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(delivery.track(backend))).build()) {
      Tracer tracer = provider.get("test");
      for (String name : List.of("lost-1", "delivered", "lost-2", "still-in-flight")) {
        tracer.spanBuilder(name).startSpan().end();
      }

      assertThat(delivery.undelivered()).isZero();
      backend.pending.get(0).fail();
      backend.pending.get(1).succeed();
      backend.pending.get(2).fail();

      assertThat(delivery.undelivered()).isEqualTo(2);
      backend.pending.get(3).succeed();
    }
  }
}
