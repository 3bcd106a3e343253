package dev.traced.sample.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's MariaDB ({@code mariadbd}) on a free loopback port, with a data folder made for it by
 * {@code mariadb-install-db} and one user, {@link #USER}, with the password it is given.
 */
final class MariaDbServer {

  /** The user the services log in as. */
  static final String USER = "traced";

  private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(120);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private MariaDbServer() {}

  /** Installs a data folder in {@code folder} and starts the server on it. */
  static LocalServer start(Path folder, String password) throws IOException, InterruptedException {
    Path server = LocalServer.find("mariadbd").orElseThrow(() -> new IOException("mariadbd is not installed"));
    Path install = LocalServer.find("mariadb-install-db").orElseThrow(() -> new IOException("mariadb-install-db is not installed"));
    Path data = folder.resolve("data");
    String user = System.getProperty("user.name");
    LocalServer.runToEnd(
        "mariadb-install-db",
        List.of(
            install.toString(), "--no-defaults", "--datadir=" + data, "--user=" + user, "--skip-test-db",
            "--auth-root-authentication-method=socket"),
        folder.resolve("install.log"),
        INSTALL_TIMEOUT);
    Files.writeString(
        folder.resolve("init.sql"),
        "CREATE USER IF NOT EXISTS '" + USER + "'@'%' IDENTIFIED BY '" + password + "';\n"
            + "GRANT ALL PRIVILEGES ON *.* TO '" + USER + "'@'%';\n",
        StandardCharsets.UTF_8);
    int port = FreePorts.freePort();
    List<String> command =
        List.of(
            server.toString(), "--no-defaults", "--datadir=" + data, "--user=" + user, "--port=" + port,
            "--bind-address=127.0.0.1", "--skip-name-resolve", "--socket=" + folder.resolve("mariadb.sock"),
            "--pid-file=" + folder.resolve("mariadb.pid"), "--skip-log-bin", "--init-file=" + folder.resolve("init.sql"),
            "--innodb-buffer-pool-size=16M", "--performance-schema=OFF");
    return LocalServer.start("mariadbd", command, folder.resolve("mariadb.log"), port, "ready for connections", START_TIMEOUT);
  }
}
