package dev.traced.sample.services;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the {@code OTEL_*} variables users most often get wrong, before OpenTelemetry's
 * autoconfiguration reads them, so that a mistake is one line naming the variable and what it
 * accepts rather than the SDK's stack trace.
 */
final class OtelSettings {

  private static final List<String> ENDPOINTS =
      List.of("OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  private static final List<String> PROTOCOL_VARIABLES =
      List.of("OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL");
  private static final List<String> PROTOCOLS = List.of("http/protobuf", "grpc");
  private static final List<String> SAMPLERS =
      List.of(
          "always_on",
          "always_off",
          "traceidratio",
          "parentbased_always_on",
          "parentbased_always_off",
          "parentbased_traceidratio");

  private OtelSettings() {}

  /** Throws {@link IllegalArgumentException} with a one-line message at the first bad setting. */
  static void check(Map<String, String> environment) {
    for (String variable : ENDPOINTS) {
      String endpoint = environment.get(variable);
      if (endpoint != null && !isHttpUrl(endpoint)) {
        throw new IllegalArgumentException(
            variable + "=\"" + endpoint + "\" is not a URL: use http://host:port or https://host:port,"
                + " such as http://localhost:4318 (OTLP/HTTP) or http://localhost:4317 (gRPC)");
      }
    }
    for (String variable : PROTOCOL_VARIABLES) {
      oneOf(environment, variable, PROTOCOLS);
    }
    oneOf(environment, "OTEL_TRACES_SAMPLER", SAMPLERS);
  }

  /** Whether {@code value} is an {@code http} or {@code https} URL with a host. */
  static boolean isHttpUrl(String value) {
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static void oneOf(Map<String, String> environment, String variable, List<String> accepted) {
    String value = environment.get(variable);
    if (value != null && !accepted.contains(value.trim())) {
      throw new IllegalArgumentException(
          variable + "=\"" + value + "\" is not supported: use one of " + String.join(", ", accepted));
    }
  }
}
