package dev.traced.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An OTLP endpoint on loopback that misbehaves in one way: nothing listening, accepting but never
 * answering, answering slowly, or answering 503.
 */
final class FaultyBackend implements AutoCloseable {

  enum Fault {
    DOWN,
    HUNG,
    SLOW,
    UNAVAILABLE
  }

  static final Duration SLOW_ANSWER = Duration.ofMillis(500);

  private final Fault fault;
  private final int port;
  private final AutoCloseable server;

  private FaultyBackend(Fault fault, int port, AutoCloseable server) {
    this.fault = fault;
    this.port = port;
    this.server = server;
  }

  static FaultyBackend start(Fault fault) throws IOException {
    return switch (fault) {
      case DOWN -> new FaultyBackend(fault, freePort(), () -> {});
      case HUNG -> hung();
      case SLOW, UNAVAILABLE -> answering(fault);
    };
  }

  /**
   * A port nobody listens on right now, and below the system's range of ephemeral ports. A port of
   * that range can meanwhile go to an outgoing connection (on loopback even a connection to itself,
   * from a client that keeps connecting to a port nobody listens on), and then a test that starts
   * listening on it later finds it in use.
   */
  static int freePort() throws IOException {
    int ephemeralStart = ephemeralRangeStart();
    int lowest = Math.min(10_000, ephemeralStart / 2);
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(lowest, ephemeralStart);
      try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException taken) {
        // Someone listens there; try another.
      }
    }
    throw new IOException("no free port between " + lowest + " and " + ephemeralStart);
  }

  /** Where Linux starts handing out ephemeral ports; elsewhere, or if unreadable, Linux's default. */
  private static int ephemeralRangeStart() {
    // Not Files.readString: it read only "3" of this /proc file.
    try (BufferedReader range = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
      int start = Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
      return start >= 2_048 ? start : 32_768;
    } catch (IOException | RuntimeException notLinux) {
      return 32_768;
    }
  }

  private static FaultyBackend hung() throws IOException {
    ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    List<Socket> held = new CopyOnWriteArrayList<>();
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  held.add(socket.accept());
                }
              } catch (IOException closed) {
                // The test is over.
              }
            },
            "hung-backend");
    acceptor.setDaemon(true);
    acceptor.start();
    return new FaultyBackend(
        Fault.HUNG,
        socket.getLocalPort(),
        () -> {
          socket.close();
          for (Socket connection : held) {
            connection.close();
          }
        });
  }

  private static FaultyBackend answering(Fault fault) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    ExecutorService executor = Executors.newFixedThreadPool(4);
    FaultyBackend backend =
        new FaultyBackend(fault, server.getAddress().getPort(), () -> {
          server.stop(0);
          executor.shutdownNow();
        });
    server.createContext("/v1/traces", backend::answer);
    server.setExecutor(executor);
    server.start();
    return backend;
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      if (fault == Fault.SLOW) {
        try {
          Thread.sleep(SLOW_ANSWER.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(200, -1);
      } else {
        exchange.sendResponseHeaders(503, -1);
      }
    }
  }

  int port() {
    return port;
  }

  /** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() throws Exception {
    server.close();
  }
}
