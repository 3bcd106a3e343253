package dev.traced.sample.harness;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server program from the system's packages (Redis, MariaDB) run as a child process on a
 * loopback port with its data in a throw-away folder: no system service, no fixed port. Its
 * output goes to a log file in that folder, which start-up failures quote. It can be stopped and
 * started again on the same port and data, as a server that goes down and comes back.
 */
public final class LocalServer implements AutoCloseable {

  /** Where Debian installs server programs; {@code /usr/sbin} is not on every user's PATH. */
  private static final List<String> SYSTEM_FOLDERS = List.of("/usr/sbin", "/usr/local/sbin", "/usr/bin", "/usr/local/bin");
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  private final String name;
  private final List<String> command;
  private final Path log;
  private final int port;
  private final String readyLine;
  private final Duration timeout;
  private Process process;

  private LocalServer(String name, List<String> command, Path log, int port, String readyLine, Duration timeout) {
    this.name = name;
    this.command = List.copyOf(command);
    this.log = log;
    this.port = port;
    this.readyLine = readyLine;
    this.timeout = timeout;
  }

  /** The program {@code name} from PATH or the system's folders, if installed. */
  static Optional<Path> find(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(Stream.of(path.split(java.io.File.pathSeparator)), SYSTEM_FOLDERS.stream())
        .filter(folder -> !folder.isBlank())
        .map(folder -> Path.of(folder, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  /**
   * Starts {@code command}, logging to {@code log}, and returns once {@code port} on loopback
   * accepts connections and the log holds {@code readyLine}.
   */
  static LocalServer start(String name, List<String> command, Path log, int port, String readyLine, Duration timeout)
      throws IOException, InterruptedException {
    LocalServer server = new LocalServer(name, command, log, port, readyLine, timeout);
    server.restart();
    return server;
  }

  public int port() {
    return port;
  }

  /** Starts it again on its port and data, after {@link #stop()}; stops it first if it runs. */
  public void restart() throws IOException, InterruptedException {
    stop();
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!(logContains(readyLine) && accepts(port))) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited with code " + process.exitValue() + " on start-up:\n" + logTail());
      }
      if (System.nanoTime() > deadline) {
        stop();
        throw new IOException(name + " did not accept connections within " + timeout.toSeconds() + " s:\n" + logTail());
      }
      Thread.sleep(50);
    }
  }

  /** Runs {@code command} to its end, as a set-up step of a server; fails with its output. */
  static void runToEnd(String what, List<String> command, Path log, Duration timeout) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(what + " did not finish within " + timeout.toSeconds() + " s");
    }
    if (process.exitValue() != 0) {
      throw new IOException(what + " failed with code " + process.exitValue() + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private boolean logContains(String line) throws IOException {
    return Files.readString(log, StandardCharsets.ISO_8859_1).contains(line);
  }

  private String logTail() throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.ISO_8859_1);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
  }

  /** Stops the server (SIGTERM, then SIGKILL if it does not stop in time) and waits for it. */
  public void stop() throws InterruptedException {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  @Override
  public String toString() {
    return name;
  }
}
