package dev.traced.sample.services;

import java.util.Map;

/**
 * Where the zero-code service auto-s1 finds Redis and MariaDB/MySQL, from the environment, with
 * the tutorial's values as defaults ({@code auto-s1.py} connects to both on localhost as root with
 * password 123456).
 *
 * @param redisHost {@code REDIS_HOST}, default {@code localhost}
 * @param redisPort {@code REDIS_PORT}, default 6379
 * @param mysqlHost {@code MYSQL_HOST}, default {@code localhost}
 * @param mysqlPort {@code MYSQL_PORT}, default 3306
 * @param mysqlUser {@code MYSQL_USER}, default {@code root}
 * @param mysqlPassword {@code MYSQL_PASSWORD}, default {@code 123456}
 */
public record DataStoreSettings(
    String redisHost, int redisPort, String mysqlHost, int mysqlPort, String mysqlUser, String mysqlPassword) {

  public static final String REDIS_HOST = "REDIS_HOST";
  public static final String REDIS_PORT = "REDIS_PORT";
  public static final String MYSQL_HOST = "MYSQL_HOST";
  public static final String MYSQL_PORT = "MYSQL_PORT";
  public static final String MYSQL_USER = "MYSQL_USER";
  public static final String MYSQL_PASSWORD = "MYSQL_PASSWORD";

  /** Reads the settings from {@code environment}; a malformed host or port is an error. */
  static DataStoreSettings from(Map<String, String> environment) {
    return new DataStoreSettings(
        host(environment, REDIS_HOST),
        port(environment, REDIS_PORT, 6379),
        host(environment, MYSQL_HOST),
        port(environment, MYSQL_PORT, 3306),
        nonBlank(environment, MYSQL_USER, "root"),
        environment.getOrDefault(MYSQL_PASSWORD, "123456"));
  }

  private static String host(Map<String, String> environment, String name) {
    String host = nonBlank(environment, name, "localhost");
    if (!host.matches("[A-Za-z0-9.:\\[\\]_-]+")) {
      throw new IllegalArgumentException(name + " must be a host name or an IP address, not \"" + host + "\"");
    }
    return host;
  }

  private static String nonBlank(Map<String, String> environment, String name, String fallback) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** A port from 1 to 65535: a client, unlike a server, cannot be given port 0. */
  private static int port(Map<String, String> environment, String name, int fallback) {
    String value = environment.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    int port;
    try {
      port = Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not \"" + value + "\"");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(name + " must be between 1 and 65535, not " + port);
    }
    return port;
  }
}
