package dev.traced.sample.demo;

import com.google.protobuf.ByteString;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OTLP/HTTP trace receiver on the loopback interface: decodes each
 * {@code ExportTraceServiceRequest} POSTed to {@code /v1/traces} and keeps its spans, so the demo
 * can print traces and the tests can assert on what services really exported.
 */
public final class OtlpReceiver implements AutoCloseable {

  private static final HexFormat HEX = HexFormat.of();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final List<ReceivedSpan> spans = new ArrayList<>();
  private final Consumer<byte[]> forward;

  private OtlpReceiver(int port, Consumer<byte[]> forward) throws IOException {
    this.forward = forward;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/v1/traces", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** Starts a receiver on a free loopback port. */
  public static OtlpReceiver start() throws IOException {
    return new OtlpReceiver(0, body -> {});
  }

  /** Starts a receiver on {@code port}, where services already try to export. */
  public static OtlpReceiver start(int port) throws IOException {
    return new OtlpReceiver(port, body -> {});
  }

  /** Starts a receiver that also hands every request body it accepts to {@code forward}. */
  public static OtlpReceiver start(Consumer<byte[]> forward) throws IOException {
    return new OtlpReceiver(0, forward);
  }

  /** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Every span received so far. */
  public synchronized List<ReceivedSpan> spans() {
    return List.copyOf(spans);
  }

  /** The spans received so far, by trace id, in the order their traces first arrived. */
  public Map<String, List<ReceivedSpan>> traces() {
    return spans().stream()
        .collect(Collectors.groupingBy(ReceivedSpan::traceId, LinkedHashMap::new, Collectors.toList()));
  }

  /**
   * Waits until the spans received satisfy {@code condition}, or {@code timeout} passes.
   *
   * @return whether the condition was met
   */
  public synchronized boolean await(Predicate<List<ReceivedSpan>> condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.test(List.copyOf(spans))) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      wait(Math.max(1, left / 1_000_000));
    }
    return true;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      byte[] body = readBody(exchange);
      ExportTraceServiceRequest request;
      try {
        request = ExportTraceServiceRequest.parseFrom(body);
      } catch (IOException e) {
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      add(decode(request));
      forward.accept(body);
      byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    }
  }

  private synchronized void add(List<ReceivedSpan> received) {
    spans.addAll(received);
    notifyAll();
  }

  private static byte[] readBody(HttpExchange exchange) throws IOException {
    boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
    try (InputStream in = gzip ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
      return in.readAllBytes();
    }
  }

  static List<ReceivedSpan> decode(ExportTraceServiceRequest request) {
    List<ReceivedSpan> decoded = new ArrayList<>();
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      String service = serviceName(resourceSpans.getResource());
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        for (Span span : scopeSpans.getSpansList()) {
          decoded.add(decode(service, span));
        }
      }
    }
    return decoded;
  }

  private static ReceivedSpan decode(String service, Span span) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (KeyValue attribute : span.getAttributesList()) {
      attributes.put(attribute.getKey(), render(attribute.getValue()));
    }
    return new ReceivedSpan(
        service,
        hex(span.getTraceId()),
        hex(span.getSpanId()),
        hex(span.getParentSpanId()),
        span.getName(),
        span.getKind().name().replace("SPAN_KIND_", ""),
        span.getStartTimeUnixNano(),
        span.getEndTimeUnixNano(),
        attributes,
        span.getStatus().getCode().name().replace("STATUS_CODE_", ""));
  }

  private static String serviceName(Resource resource) {
    return resource.getAttributesList().stream()
        .filter(attribute -> attribute.getKey().equals("service.name"))
        .map(attribute -> render(attribute.getValue()))
        .findFirst()
        .orElse("unknown_service");
  }

  private static String render(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
      case INT_VALUE -> Long.toString(value.getIntValue());
      case DOUBLE_VALUE -> Double.toString(value.getDoubleValue());
      case ARRAY_VALUE ->
          value.getArrayValue().getValuesList().stream().map(OtlpReceiver::render).collect(Collectors.joining(", ", "[", "]"));
      case BYTES_VALUE -> HEX.formatHex(value.getBytesValue().toByteArray());
      default -> value.toString().trim();
    };
  }

  private static String hex(ByteString bytes) {
    return HEX.formatHex(bytes.toByteArray());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
