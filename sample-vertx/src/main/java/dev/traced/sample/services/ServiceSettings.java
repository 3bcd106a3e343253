package dev.traced.sample.services;

import java.util.Map;

/**
 * A service's settings, from the environment as in the tutorial.
 *
 * @param bindAddress {@code BIND_ADDRESS}, default {@code 0.0.0.0} (all interfaces, as the
 *     tutorial's services listen)
 * @param port {@code PORT}, default the service's own
 * @param s2Address {@code S2_ADDR}, where s1 finds s2, default {@code http://localhost:20000}
 * @param dataStores where auto-s1 finds Redis and MariaDB/MySQL
 */
public record ServiceSettings(String bindAddress, int port, String s2Address, DataStoreSettings dataStores) {

  /** The environment variables a service reads, besides OpenTelemetry's own {@code OTEL_*}. */
  public static final String PORT = "PORT";

  public static final String BIND_ADDRESS = "BIND_ADDRESS";
  public static final String S2_ADDR = "S2_ADDR";

  static final String DEFAULT_BIND_ADDRESS = "0.0.0.0";
  static final String DEFAULT_S2_ADDRESS = "http://localhost:20000";

  /**
   * Reads the settings from {@code environment}; a malformed {@code PORT}, {@code S2_ADDR} or
   * data-store setting ({@link DataStoreSettings}), or an {@code OTEL_*} variable that
   * OpenTelemetry would reject ({@link OtelSettings}), is an error.
   */
  static ServiceSettings from(Map<String, String> environment, int defaultPort) {
    String port = environment.get(PORT);
    int parsedPort;
    try {
      parsedPort = port == null || port.isBlank() ? defaultPort : Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("PORT must be a number, not \"" + port + "\"");
    }
    if (parsedPort < 0 || parsedPort > 65535) {
      throw new IllegalArgumentException("PORT must be between 0 and 65535, not " + parsedPort);
    }
    String s2Address = environment.getOrDefault(S2_ADDR, DEFAULT_S2_ADDRESS).trim();
    if (!OtelSettings.isHttpUrl(s2Address)) {
      throw new IllegalArgumentException(
          "S2_ADDR must be an http:// or https:// URL such as " + DEFAULT_S2_ADDRESS + ", not \"" + s2Address + "\"");
    }
    DataStoreSettings dataStores = DataStoreSettings.from(environment);
    OtelSettings.check(environment);
    return new ServiceSettings(
        environment.getOrDefault(BIND_ADDRESS, DEFAULT_BIND_ADDRESS), parsedPort, stripTrailingSlash(s2Address), dataStores);
  }

  private static String stripTrailingSlash(String address) {
    return address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
  }
}
