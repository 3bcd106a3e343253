package dev.traced.sample.services;

import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.util.Map;

/**
 * The services' OpenTelemetry SDK, configured by OpenTelemetry's autoconfigure module from the
 * standard {@code OTEL_*} environment variables and {@code otel.*} system properties.
 *
 * <p>Defaults, each overridden by its variable: {@code service.name} is the service's own
 * ({@code OTEL_SERVICE_NAME}); traces go over OTLP/HTTP protobuf to {@code http://localhost:4318},
 * where Jaeger and Tempo listen ({@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * {@code OTEL_EXPORTER_OTLP_PROTOCOL=grpc} for port 4317); metrics and logs are not exported, as in
 * the tutorial ({@code OTEL_METRICS_EXPORTER}, {@code OTEL_LOGS_EXPORTER}). Registered as the
 * global instance, which {@code @Traced} uses.
 */
final class Telemetry {

  private Telemetry() {}

  static OpenTelemetrySdk start(String defaultServiceName) {
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(
            () ->
                Map.of(
                    "otel.service.name", defaultServiceName,
                    "otel.exporter.otlp.protocol", "http/protobuf",
                    "otel.metrics.exporter", "none",
                    "otel.logs.exporter", "none"))
        // ServiceRunner shuts the SDK down itself, after the HTTP server has drained.
        .disableShutdownHook()
        .setResultAsGlobal()
        .build()
        .getOpenTelemetrySdk();
  }
}
