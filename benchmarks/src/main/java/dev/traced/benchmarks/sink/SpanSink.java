package dev.traced.benchmarks.sink;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace endpoint on loopback that counts the spans it receives by name and throws
 * the rest away.
 *
 * <p>Benchmarks also POST their call counts to {@code /calls} ({@code "<name> <count>"}), so that
 * spans can be set against calls and a dropped span shows. Only span names are read off the wire
 * ({@link SpanCounter}), so the sink takes little of the CPU the measured JVMs share with it.
 */
public final class SpanSink implements AutoCloseable {

  /** The names of the sink's threads start with this. */
  public static final String THREAD_NAME_PREFIX = "span-sink-";

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final HttpServer server;
  /** Named, so that a CPU profile tells the sink's threads from the exporter's. */
  private final ExecutorService executor = Executors.newFixedThreadPool(2, SpanSink::thread);
  private final Map<String, LongAdder> spans = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final LongAdder requests = new LongAdder();

  private SpanSink() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext("/v1/traces", this::receiveSpans);
    server.createContext("/calls", this::receiveCalls);
    server.createContext("/v1/metrics", this::discard);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a sink on a free loopback port. */
  public static SpanSink start() throws IOException {
    return new SpanSink();
  }

  /** The base address, the value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * The {@code -D} options of a benchmark JVM that exports every span to this sink: always-on
   * sampling, OTLP/HTTP, traces only. Read by the SDK's autoconfigure module and by the Java agent
   * alike.
   */
  public List<String> exportOptions() {
    return List.of(
        "-Dotel.service.name=benchmarks",
        "-Dotel.traces.sampler=always_on",
        "-Dotel.traces.exporter=otlp",
        "-Dotel.exporter.otlp.protocol=http/protobuf",
        "-Dotel.exporter.otlp.endpoint=" + endpoint(),
        "-Dotel.metrics.exporter=none",
        "-Dotel.logs.exporter=none");
  }

  /** Spans received so far, by span name. */
  public Map<String, Long> spans() {
    return snapshot(spans);
  }

  /** Spans received so far, all names together. */
  public long totalSpans() {
    return spans.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Export requests received so far: with {@link #totalSpans()}, how full the exporter's batches are. */
  public long requests() {
    return requests.sum();
  }

  /** Calls reported so far, by benchmark. */
  public Map<String, Long> calls() {
    return snapshot(calls);
  }

  /** Forgets every count, between two measurements. */
  public void reset() {
    spans.clear();
    calls.clear();
    requests.reset();
  }

  private void receiveSpans(HttpExchange exchange) throws IOException {
    requests.increment();
    try (exchange) {
      try (InputStream body = body(exchange)) {
        SpanCounter.forEachSpanName(body.readAllBytes(), this::count);
      } catch (IOException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private void count(String spanName) {
    spans.computeIfAbsent(spanName, name -> new LongAdder()).increment();
  }

  private void receiveCalls(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      String[] report = new String(body.readAllBytes(), StandardCharsets.UTF_8).trim().split(" ");
      calls.computeIfAbsent(report[0], name -> new LongAdder()).add(Long.parseLong(report[1]));
      exchange.sendResponseHeaders(204, -1);
    }
  }

  /** Metric exports are accepted and dropped: the benchmarks that record metrics only need a reader. */
  private void discard(HttpExchange exchange) throws IOException {
    try (exchange; InputStream body = exchange.getRequestBody()) {
      body.readAllBytes();
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private static InputStream body(HttpExchange exchange) throws IOException {
    boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
    return gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
  }

  private static Thread thread(Runnable task) {
    Thread thread = new Thread(task, THREAD_NAME_PREFIX + THREADS.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((name, count) -> copy.put(name, count.sum()));
    return copy;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
