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

  /** A tracer provider that hands every span, once ended, to {@code backend} through {@code delivery}. */
  private static SdkTracerProvider exportingTo(SpanDelivery delivery, Backend backend) {
    return SdkTracerProvider.builder()
        .addSpanProcessor(delivery.endedSpans())
        .addSpanProcessor(SimpleSpanProcessor.create(delivery.track(backend)))
        .build();
  }

  @Test
  void everyEndedSpanIsDeliveredOrCountedAsLost() {
    SpanDelivery delivery = new SpanDelivery();
    Backend backend = new Backend();
    try (SdkTracerProvider provider = exportingTo(delivery, backend)) {
      Tracer tracer = provider.get("test");
      for (String name : List.of("lost-1", "delivered", "lost-2", "still-in-flight")) {
        tracer.spanBuilder(name).startSpan().end();
      }

      assertThat(delivery.ended()).isEqualTo(4);
      assertThat(delivery.summary("s2")).isEqualTo(
          "s2: 4 of 4 spans were not delivered to the trace backend"
              + " (it failed or was too slow, or the export queue was full)");
      backend.pending.get(0).fail();
      backend.pending.get(1).succeed();
      backend.pending.get(2).fail();

      assertThat(delivery.delivered()).isEqualTo(1);
      assertThat(delivery.summary("s2")).startsWith("s2: 3 of 4 spans were not delivered");
      backend.pending.get(3).succeed();
      assertThat(delivery.summary("s2")).startsWith("s2: 2 of 4 spans were not delivered");
    }
  }

  @Test
  void saysSoWhenEverySpanArrived() {
    SpanDelivery delivery = new SpanDelivery();
    Backend backend = new Backend();
    try (SdkTracerProvider provider = exportingTo(delivery, backend)) {
      provider.get("test").spanBuilder("one").startSpan().end();
      backend.pending.get(0).succeed();
      assertThat(delivery.summary("s1")).isEqualTo("s1: all 1 spans delivered to the trace backend");
    }
  }

  @Test
  void unsampledSpansAreNotCounted() {
    SpanDelivery delivery = new SpanDelivery();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setSampler(io.opentelemetry.sdk.trace.samplers.Sampler.alwaysOff())
            .addSpanProcessor(delivery.endedSpans())
            .build()) {
      provider.get("test").spanBuilder("dropped by the sampler").startSpan().end();
      assertThat(delivery.ended()).isZero();
    }
  }
}
