package dev.traced.vertx;

import static dev.traced.vertx.TracedServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Real HTTP between a Vert.x client and server in one JVM, with good and bad trace headers. */
class HeaderPropagationTest {

  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
  private static final String PARENT = "00-" + TRACE_ID + "-b7ad6b7169203331-01";

  private static TracedServer server;

  @BeforeAll
  static void start() throws Exception {
    server = new TracedServer();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @BeforeEach
  void reset() {
    server.exporter.reset();
  }

  private static HttpResponse<Buffer> get(MultiMap headers) throws Exception {
    return await(server.client.get(server.port(), "127.0.0.1", "/").putHeaders(headers).send());
  }

  private static SpanData serverSpan() {
    List<SpanData> spans =
        server.exporter.getFinishedSpanItems().stream().filter(span -> span.getName().equals("server")).toList();
    assertThat(spans).hasSize(1);
    return spans.get(0);
  }

  @Test
  void aClientSpanInjectedIntoTheHeadersBecomesTheServerSpansParent() throws Exception {
    Span client = server.tracer.spanBuilder("client").startSpan();
    MultiMap headers;
    try (Scope ignored = client.makeCurrent()) {
      headers = VertxHeaders.inject(server.openTelemetry.getPropagators(), Context.current(), MultiMap.caseInsensitiveMultiMap());
    } finally {
      client.end();
    }

    assertThat(get(headers).bodyAsString()).isEqualTo("ok");

    SpanData span = serverSpan();
    assertThat(span.getTraceId()).isEqualTo(client.getSpanContext().getTraceId());
    assertThat(span.getParentSpanId()).isEqualTo(client.getSpanContext().getSpanId());
    assertThat(span.getParentSpanContext().isRemote()).isTrue();
  }

  @Test
  void repeatedTracestateHeadersReachTheParentAsOneList() throws Exception {
    get(MultiMap.caseInsensitiveMultiMap().add("traceparent", PARENT).add("tracestate", "a=1").add("tracestate", "b=2"));

    SpanContext parent = serverSpan().getParentSpanContext();
    assertThat(parent.getTraceId()).isEqualTo(TRACE_ID);
    assertThat(parent.getTraceState().asMap()).containsEntry("a", "1").containsEntry("b", "2");
  }

  static List<MultiMap> badHeaders() {
    return List.of(
        MultiMap.caseInsensitiveMultiMap(),
        MultiMap.caseInsensitiveMultiMap().add("traceparent", "garbage"),
        MultiMap.caseInsensitiveMultiMap().add("traceparent", "00-" + TRACE_ID.toUpperCase() + "-b7ad6b7169203331-01"),
        MultiMap.caseInsensitiveMultiMap().add("traceparent", "00-00000000000000000000000000000000-b7ad6b7169203331-01"),
        MultiMap.caseInsensitiveMultiMap().add("traceparent", "00-" + TRACE_ID + "-0000000000000000-01"),
        MultiMap.caseInsensitiveMultiMap().add("traceparent", "ff-" + TRACE_ID + "-b7ad6b7169203331-01"),
        MultiMap.caseInsensitiveMultiMap().add("traceparent", "00-" + TRACE_ID + "-b7ad6b7169203331-01-extra"),
        MultiMap.caseInsensitiveMultiMap().add("traceparent", PARENT).add("traceparent", PARENT),
        MultiMap.caseInsensitiveMultiMap().add("traceparent", "x".repeat(4096)),
        MultiMap.caseInsensitiveMultiMap().add("baggage", "%%%;;;==="));
  }

  @ParameterizedTest
  @MethodSource("badHeaders")
  void missingMalformedOrDuplicatedHeadersStartANewTraceAndAnswerNormally(MultiMap headers) throws Exception {
    HttpResponse<Buffer> response = get(headers);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.bodyAsString()).isEqualTo("ok");
    SpanData span = serverSpan();
    assertThat(span.getParentSpanContext().isValid()).isFalse();
    assertThat(span.getTraceId()).isNotEqualTo(TRACE_ID);
  }
}
