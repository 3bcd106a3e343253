package dev.traced.sample.harness;

import dev.traced.sample.services.DataStoreSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Redis and MariaDB that auto-s1 talks to, started for the demo or a test in one throw-away
 * folder and removed with it.
 */
public final class DataStores implements AutoCloseable {

  /** What installs the two servers on Debian or Ubuntu. */
  public static final String INSTALL_COMMAND = "sudo apt-get install redis-server mariadb-server";

  private static final List<String> PROGRAMS = List.of("redis-server", "mariadbd", "mariadb-install-db");

  private final Path folder;
  private final LocalServer redis;
  private final LocalServer database;
  private final String password;

  private DataStores(Path folder, LocalServer redis, LocalServer database, String password) {
    this.folder = folder;
    this.redis = redis;
    this.database = database;
    this.password = password;
  }

  /** Why the servers cannot be started here, naming what is missing, or empty when they can. */
  public static Optional<String> missing() {
    List<String> absent = PROGRAMS.stream().filter(program -> LocalServer.find(program).isEmpty()).toList();
    return absent.isEmpty()
        ? Optional.empty()
        : Optional.of(String.join(", ", absent) + (absent.size() == 1 ? " is" : " are") + " not installed: " + INSTALL_COMMAND);
  }

  /** Starts Redis and MariaDB on free loopback ports. */
  public static DataStores start() throws IOException, InterruptedException {
    Path folder = Files.createTempDirectory("traced-data-stores-");
    LocalServer redis = null;
    try {
      redis = RedisServer.start(Files.createDirectory(folder.resolve("redis")));
      byte[] secret = new byte[12];
      new SecureRandom().nextBytes(secret);
      String password = HexFormat.of().formatHex(secret);
      LocalServer database = MariaDbServer.start(Files.createDirectory(folder.resolve("mariadb")), password);
      return new DataStores(folder, redis, database, password);
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (redis != null) {
        redis.close();
      }
      delete(folder);
      throw e;
    }
  }

  public LocalServer redis() {
    return redis;
  }

  public LocalServer database() {
    return database;
  }

  /** The settings that point auto-s1 at these servers. */
  public Map<String, String> settings() {
    return Map.of(
        DataStoreSettings.REDIS_HOST, "127.0.0.1",
        DataStoreSettings.REDIS_PORT, Integer.toString(redis.port()),
        DataStoreSettings.MYSQL_HOST, "127.0.0.1",
        DataStoreSettings.MYSQL_PORT, Integer.toString(database.port()),
        DataStoreSettings.MYSQL_USER, MariaDbServer.USER,
        DataStoreSettings.MYSQL_PASSWORD, password);
  }

  @Override
  public void close() throws InterruptedException {
    try {
      redis.close();
    } finally {
      database.close();
      delete(folder);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // A file the server still held; the system's temp folder cleans it up in time.
    }
  }
}
