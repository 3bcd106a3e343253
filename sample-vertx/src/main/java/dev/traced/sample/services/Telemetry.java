package dev.traced.sample.services;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The services' OpenTelemetry, configured by OpenTelemetry's autoconfigure module from the
 * standard {@code OTEL_*} environment variables and {@code otel.*} system properties.
 *
 * <p>Defaults, each overridden by its variable: {@code service.name} is the service's own
 * ({@code OTEL_SERVICE_NAME}); traces go over OTLP/HTTP protobuf to {@code http://localhost:4318},
 * where Jaeger and Tempo listen ({@code OTEL_EXPORTER_OTLP_ENDPOINT},
 * {@code OTEL_EXPORTER_OTLP_PROTOCOL=grpc} for port 4317); metrics and logs are not exported, as in
 * the tutorial ({@code OTEL_METRICS_EXPORTER}, {@code OTEL_LOGS_EXPORTER}). Registered as the
 * global instance, which {@code @Traced} uses.
 *
 * <p>Under the OpenTelemetry Java agent, the agent owns the SDK (and reads the same variables):
 * the services then use the agent's global instance instead of building a second one.
 */
final class Telemetry {

  private static final String JAVA_AGENT_CLASS = "io.opentelemetry.javaagent.OpenTelemetryAgent";

  private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  private final String serviceName;
  private final OpenTelemetry openTelemetry;
  private final OpenTelemetrySdk ownSdk;
  private final SpanDelivery delivery;

  private Telemetry(String serviceName, OpenTelemetry openTelemetry, OpenTelemetrySdk ownSdk, SpanDelivery delivery) {
    this.serviceName = serviceName;
    this.openTelemetry = openTelemetry;
    this.ownSdk = ownSdk;
    this.delivery = delivery;
  }

  /**
   * The agent's OpenTelemetry, or a new SDK registered as the global one.
   *
   * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException when a setting is invalid
   */
  static Telemetry start(String defaultServiceName) {
    if (javaAgentPresent()) {
      return new Telemetry(defaultServiceName, GlobalOpenTelemetry.get(), null, null);
    }
    SpanDelivery delivery = new SpanDelivery();
    OpenTelemetrySdk sdk;
    // A configuration error is reported by ServiceRunner in one line; the SDK would also log two
    // lines of its own about closing what it had built.
    Logger sdkLogger = Logger.getLogger("io.opentelemetry.sdk");
    Level level = sdkLogger.getLevel();
    sdkLogger.setLevel(Level.WARNING);
    try {
      sdk =
          AutoConfiguredOpenTelemetrySdk.builder()
              .addPropertiesSupplier(
                  () ->
                      Map.of(
                          "otel.service.name", defaultServiceName,
                          "otel.exporter.otlp.protocol", "http/protobuf",
                          "otel.metrics.exporter", "none",
                          "otel.logs.exporter", "none"))
              .addSpanExporterCustomizer((exporter, config) -> delivery.track(exporter))
              .addTracerProviderCustomizer((tracers, config) -> tracers.addSpanProcessor(delivery.endedSpans()))
              // ServiceRunner shuts the SDK down itself, after the HTTP server has drained.
              .disableShutdownHook()
              .setResultAsGlobal()
              .build()
              .getOpenTelemetrySdk();
    } finally {
      sdkLogger.setLevel(level);
    }
    return new Telemetry(defaultServiceName, sdk, sdk, delivery);
  }

  /**
   * The agent's OpenTelemetry, or none at all: for a service with no tracing code, whose spans
   * only the agent makes.
   */
  static Telemetry agentOnly() {
    return new Telemetry(null, javaAgentPresent() ? GlobalOpenTelemetry.get() : OpenTelemetry.noop(), null, null);
  }

  OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  /**
   * Exports every span that has ended, and says on standard error whether all reached the trace
   * backend, or how many did not; the Java agent does this itself at exit.
   */
  void shutdown() {
    if (ownSdk == null) {
      return;
    }
    CompletableResultCode done = ownSdk.shutdown().join(SHUTDOWN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (!done.isDone()) {
      System.err.println(
          serviceName + ": the final export was still running after " + SHUTDOWN_TIMEOUT.toSeconds()
              + " s; the spans it held are lost");
    }
    if (delivery.ended() > 0) {
      System.err.println(delivery.summary(serviceName));
    }
  }

  /** The agent's jar is on the system class path whenever it was given as {@code -javaagent}. */
  static boolean javaAgentPresent() {
    try {
      Class.forName(JAVA_AGENT_CLASS, false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
