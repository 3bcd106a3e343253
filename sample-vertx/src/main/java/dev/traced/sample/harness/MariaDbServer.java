package dev.traced.sample.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * Debian's MariaDB ({@code mariadbd}) on a free loopback port, with a data folder made for it by
 * {@code mariadb-install-db} and one user, {@code traced}, whose password is made up at start. It
 * can be stopped and started again on the same port, as a database that goes down and comes back.
 */
public final class MariaDbServer implements AutoCloseable {

  /** The user the services log in as. */
  public static final String USER = "traced";

  private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path server;
  private final Path folder;
  private final int port;
  private final String password;
  private LocalServer running;

  private MariaDbServer(Path server, Path folder, int port, String password) {
    this.server = server;
    this.folder = folder;
    this.port = port;
    this.password = password;
  }

  /** Installs a data folder in {@code folder} and starts the server on it. */
  static MariaDbServer start(Path folder) throws IOException, InterruptedException {
    Path server = LocalServer.find("mariadbd").orElseThrow(() -> new IOException("mariadbd is not installed"));
    Path install = LocalServer.find("mariadb-install-db").orElseThrow(() -> new IOException("mariadb-install-db is not installed"));
    Path data = folder.resolve("data");
    LocalServer.runToEnd(
        "mariadb-install-db",
        List.of(
            install.toString(), "--no-defaults", "--datadir=" + data, "--user=" + System.getProperty("user.name"),
            "--skip-test-db", "--auth-root-authentication-method=socket"),
        folder.resolve("install.log"),
        INSTALL_TIMEOUT);
    byte[] secret = new byte[12];
    new SecureRandom().nextBytes(secret);
    String password = HexFormat.of().formatHex(secret);
    Files.writeString(
        folder.resolve("init.sql"),
        "CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + password + "';\n"
            + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%';\n",
        StandardCharsets.UTF_8);
    MariaDbServer started = new MariaDbServer(server, folder, FreePorts.freePort(), password);
    started.restart();
    return started;
  }

  public int port() {
    return port;
  }

  public String password() {
    return password;
  }

  /** Stops it, as a database that goes down; {@link #restart()} brings it back on the same port. */
  public void stop() throws InterruptedException {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  /** Starts it again on its port and data, after {@link #stop()}. */
  public void restart() throws IOException, InterruptedException {
    stop();
    List<String> command =
        List.of(
            server.toString(), "--no-defaults", "--datadir=" + folder.resolve("data"), "--user=" + System.getProperty("user.name"),
            "--port=" + port, "--bind-address=127.0.0.1", "--skip-name-resolve", "--socket=" + folder.resolve("mariadb.sock"),
            "--pid-file=" + folder.resolve("mariadb.pid"), "--skip-log-bin", "--init-file=" + folder.resolve("init.sql"),
            "--innodb-buffer-pool-size=16M", "--performance-schema=OFF");
    running = LocalServer.start("mariadbd", command, folder.resolve("mariadb.log"), port, "ready for connections", START_TIMEOUT);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
