package dev.traced.sample.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Debian's {@code redis-server} on a free loopback port, keeping nothing on disk. It can be
 * stopped and started again on the same port, as a Redis that goes down and comes back.
 */
public final class RedisServer implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Path program;
  private final Path folder;
  private final int port;
  private LocalServer running;

  private RedisServer(Path program, Path folder, int port) {
    this.program = program;
    this.folder = folder;
    this.port = port;
  }

  /** Starts one in {@code folder}; {@link DataStores#missing()} says first whether Redis is installed. */
  static RedisServer start(Path folder) throws IOException, InterruptedException {
    Path program = LocalServer.find("redis-server").orElseThrow(() -> new IOException("redis-server is not installed"));
    RedisServer server = new RedisServer(program, folder, FreePorts.freePort());
    server.restart();
    return server;
  }

  public int port() {
    return port;
  }

  /** Stops it, as a Redis that goes down; {@link #restart()} brings it back on the same port. */
  public void stop() throws InterruptedException {
    if (running != null) {
      running.close();
      running = null;
    }
  }

  /** Starts it again on its port, after {@link #stop()}. */
  public void restart() throws IOException, InterruptedException {
    stop();
    List<String> command =
        List.of(
            program.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1", "--dir", folder.toString(),
            "--save", "", "--appendonly", "no", "--daemonize", "no");
    running = LocalServer.start("redis-server", command, folder.resolve("redis.log"), port, "Ready to accept connections", START_TIMEOUT);
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
