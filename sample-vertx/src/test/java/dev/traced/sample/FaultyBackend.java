package dev.traced.sample;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.traced.sample.harness.FreePorts;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OTLP endpoint on loopback that misbehaves in one way: nothing listening, accepting but never
 * answering, answering slowly, or answering 503. The slow one accepts what it is sent in the end,
 * and counts the spans.
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
  private final AtomicLong acceptedSpans = new AtomicLong();

  private FaultyBackend(Fault fault, int port, AutoCloseable server) {
    this.fault = fault;
    this.port = port;
    this.server = server;
  }

  static FaultyBackend start(Fault fault) throws IOException {
    return switch (fault) {
      case DOWN -> new FaultyBackend(fault, FreePorts.freePort(), () -> {});
      case HUNG -> hung();
      case SLOW, UNAVAILABLE -> answering(fault);
    };
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
      byte[] request = body.readAllBytes();
      if (fault == Fault.SLOW) {
        try {
          Thread.sleep(SLOW_ANSWER.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        exchange.sendResponseHeaders(200, -1);
        acceptedSpans.addAndGet(spanCount(request));
      } else {
        exchange.sendResponseHeaders(503, -1);
      }
    }
  }

  int port() {
    return port;
  }

  /** Spans in the exports this backend answered 200 to. */
  long acceptedSpans() {
    return acceptedSpans.get();
  }

  private static long spanCount(byte[] request) throws IOException {
    long count = 0;
    for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(request).getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        count += scope.getSpansCount();
      }
    }
    return count;
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
