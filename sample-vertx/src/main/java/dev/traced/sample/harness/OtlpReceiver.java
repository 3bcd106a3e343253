package dev.traced.sample.harness;

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
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.grpc.common.GrpcMessageDecoder;
import io.vertx.grpc.common.GrpcMessageEncoder;
import io.vertx.grpc.common.ServiceMethod;
import io.vertx.grpc.common.ServiceName;
import io.vertx.grpc.server.GrpcServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

/**
 * A minimal OTLP trace receiver on the loopback interface, over both OTLP transports: OTLP/HTTP
 * ({@code ExportTraceServiceRequest} POSTed to {@code /v1/traces}) and OTLP/gRPC (the
 * {@code TraceService/Export} call, served by Vert.x's gRPC server). It keeps every span, so the
 * demo can print traces and the tests can assert on what services really exported.
 */
public final class OtlpReceiver implements AutoCloseable {

  private static final HexFormat HEX = HexFormat.of();
  private static final String HTTP_PROTOBUF = ServiceEnvironment.HTTP_PROTOBUF;
  private static final String GRPC = ServiceEnvironment.GRPC;
  private static final ServiceMethod<ExportTraceServiceRequest, ExportTraceServiceResponse> EXPORT =
      ServiceMethod.server(
          ServiceName.create("opentelemetry.proto.collector.trace.v1", "TraceService"),
          "Export",
          GrpcMessageEncoder.encoder(),
          GrpcMessageDecoder.decoder(ExportTraceServiceRequest.newBuilder()));

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
  private final io.vertx.core.http.HttpServer grpcServer;
  private final List<ReceivedSpan> spans = new ArrayList<>();
  private final Map<String, Integer> exportsByProtocol = new HashMap<>();
  private final Consumer<byte[]> forward;

  private OtlpReceiver(int port, Consumer<byte[]> forward) throws IOException {
    this.forward = forward;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/v1/traces", this::handle);
    server.setExecutor(executor);
    server.start();
    GrpcServer grpc = GrpcServer.server(vertx);
    grpc.callHandler(EXPORT, call -> call.handler(request -> {
      accept(request, GRPC);
      call.response().end(ExportTraceServiceResponse.getDefaultInstance());
    }));
    try {
      grpcServer =
          vertx
              .createHttpServer(new HttpServerOptions().setHost(InetAddress.getLoopbackAddress().getHostAddress()).setPort(0))
              .requestHandler(grpc)
              .listen()
              .await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      close();
      throw new IOException("cannot start the OTLP/gRPC receiver: " + e.getMessage(), e);
    }
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

  /** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT} with the OTLP/HTTP protocol. */
  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The value for {@code OTEL_EXPORTER_OTLP_ENDPOINT} with {@code OTEL_EXPORTER_OTLP_PROTOCOL=grpc}. */
  public String grpcEndpoint() {
    return "http://127.0.0.1:" + grpcServer.actualPort();
  }

  /** The endpoint for {@code protocol}, as {@code OTEL_EXPORTER_OTLP_PROTOCOL} names it. */
  public String endpoint(String protocol) {
    return GRPC.equals(protocol) ? grpcEndpoint() : endpoint();
  }

  /** How many export requests arrived over {@code protocol} ({@code http/protobuf} or {@code grpc}). */
  public synchronized int exports(String protocol) {
    return exportsByProtocol.getOrDefault(protocol, 0);
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
      accept(request, HTTP_PROTOBUF);
      byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response);
      }
    }
  }

  /** Keeps the spans of one export, over either transport, and forwards it as OTLP/HTTP would carry it. */
  private void accept(ExportTraceServiceRequest request, String protocol) {
    add(decode(request), protocol);
    forward.accept(request.toByteArray());
  }

  private synchronized void add(List<ReceivedSpan> received, String protocol) {
    exportsByProtocol.merge(protocol, 1, Integer::sum);
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
    try {
      vertx.close().await(10, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // Its threads end with the JVM; the receiver's ports are closed already.
    }
  }
}
