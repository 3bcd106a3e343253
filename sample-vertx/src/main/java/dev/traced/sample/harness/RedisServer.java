package dev.traced.sample.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Debian's {@code redis-server} on a free loopback port, keeping nothing on disk. */
final class RedisServer {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private RedisServer() {}

  /** Starts one in {@code folder}; {@link DataStores#missing()} says first whether Redis is installed. */
  static LocalServer start(Path folder) throws IOException, InterruptedException {
    Path program = LocalServer.find("redis-server").orElseThrow(() -> new IOException("redis-server is not installed"));
    int port = FreePorts.freePort();
    List<String> command =
        List.of(
            program.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", folder.toString(),
            "--save", "", "--appendonly", "no", "--daemonize", "no");
    return LocalServer.start("redis-server", command, folder.resolve("redis.log"), port, "Ready to accept connections", START_TIMEOUT);
  }
}
