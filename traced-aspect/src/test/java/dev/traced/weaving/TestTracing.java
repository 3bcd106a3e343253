package dev.traced.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One OpenTelemetry SDK for the whole test JVM, spans and metrics, registered as the global one the aspect uses, as
 * an application would register it. Every test starts with no finished spans.
 */
final class TestTracing implements BeforeEachCallback {

  static final InMemorySpanExporter EXPORTER = InMemorySpanExporter.create();
  static final InMemoryMetricReader METRICS = InMemoryMetricReader.createDelta();

  static {
    SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder()
            .addSpanProcessor(FailingProcessor.INSTANCE)
            .addSpanProcessor(SimpleSpanProcessor.create(EXPORTER))
            .build();
    GlobalOpenTelemetry.set(
        OpenTelemetrySdk.builder()
            .setTracerProvider(tracerProvider)
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(METRICS).build())
            .setPropagators(ContextPropagators.noop())
            .build());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    FailingProcessor.INSTANCE.failing = false;
    EXPORTER.reset();
    METRICS.collectAllMetrics();
  }

  static List<SpanData> spans() {
    return EXPORTER.getFinishedSpanItems();
  }

  /** Waits for spans that end on another thread, such as those of asynchronous results. */
  static List<SpanData> awaitSpans(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (spans().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(spans()).hasSize(count);
    return spans();
  }

  static SpanData only() {
    assertThat(spans()).hasSize(1);
    return spans().get(0);
  }

  static SpanData named(String name) {
    return spans().stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span named " + name + " in " + spans()));
  }

  static Duration duration(SpanData span) {
    return Duration.ofNanos(span.getEndEpochNanos() - span.getStartEpochNanos());
  }

  /** A span processor that throws on demand, standing in for a broken SDK or exporter. */
  static final class FailingProcessor implements SpanProcessor {
    static final FailingProcessor INSTANCE = new FailingProcessor();
    volatile boolean failing;

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
      if (failing) {
        throw new IllegalStateException("span processor failure (on purpose)");
      }
    }

    @Override
    public boolean isStartRequired() {
      return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      if (failing) {
        throw new IllegalStateException("span processor failure (on purpose)");
      }
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }
  }
}
