package dev.traced.internal;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The tracer of instrumentation scope {@code dev.traced}, taken from {@link GlobalOpenTelemetry}.
 *
 * <p>Until the application (or the OpenTelemetry Java agent) has registered its SDK, spans are
 * no-ops and the global is left untouched: calling {@code GlobalOpenTelemetry.get()} that early
 * would install a no-op for good and make the application's own registration fail. With an
 * {@code opentelemetry-api} older than traced supports, spans are no-ops for good.
 */
final class GlobalTracer {

  static final String SCOPE_NAME = "dev.traced";
  static final String SCOPE_VERSION = readVersion();

  private static final Tracer NOOP = OpenTelemetry.noop().getTracer(SCOPE_NAME);
  static final boolean API_SUPPORTED = OpenTelemetryApiVersion.supported();
  private static volatile Tracer tracer;

  private GlobalTracer() {}

  static Tracer get() {
    Tracer current = tracer;
    if (current != null) {
      return current;
    }
    if (!API_SUPPORTED || !GlobalOpenTelemetry.isSet()) {
      return NOOP;
    }
    current = GlobalOpenTelemetry.get().tracerBuilder(SCOPE_NAME).setInstrumentationVersion(SCOPE_VERSION).build();
    tracer = current;
    return current;
  }

  private static String readVersion() {
    try (InputStream in = GlobalTracer.class.getResourceAsStream("traced.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
