package dev.traced.weaving.configured;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

/**
 * An application started with traced's settings ({@code ConfigurationTest}): calls every method of
 * this package, then prints one line per span ({@code span <name>}), per {@code invoice.*}
 * attribute a {@code @CurrentSpan} method set ({@code attribute <span> <key>=<value>}) and per
 * metric point ({@code metric <method> <count>}).
 */
public final class ConfiguredApp {

  public static void main(String[] args) {
    InMemorySpanExporter spans = InMemorySpanExporter.create();
    InMemoryMetricReader metrics = InMemoryMetricReader.create();
    GlobalOpenTelemetry.set(
        OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
            .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
            .build());

    Orders orders = new Orders();
    orders.place();
    orders.cancel();
    orders.cancel(2);
    new Invoices().send();
    Listed listed = new Listed();
    listed.work();
    Listed.add(1, 2);
    listed.annotated();
    listed.quiet();

    spans.getFinishedSpanItems().forEach(span -> {
      System.out.println("span " + span.getName());
      span.getAttributes().forEach((key, value) -> {
        if (key.getKey().startsWith("invoice.")) {
          System.out.println("attribute " + span.getName() + " " + key.getKey() + "=" + value);
        }
      });
    });
    metrics.collectAllMetrics().stream()
        .filter(metric -> metric.getName().equals("traced.method.duration"))
        .flatMap(metric -> metric.getHistogramData().getPoints().stream())
        .forEach(point -> System.out.println(
            "metric " + point.getAttributes().get(AttributeKey.stringKey("code.function.name")) + " " + point.getCount()));
  }
}
