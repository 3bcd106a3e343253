package dev.traced.vertx;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.client.WebClient;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * An in-process Vert.x HTTP server whose requests are traced with {@link VertxHeaders}, and a
 * client for it, sharing one SDK whose spans the test reads.
 */
final class TracedServer implements AutoCloseable {

  final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  final OpenTelemetry openTelemetry =
      OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
          .setPropagators(
              ContextPropagators.create(
                  TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
          .build();
  final Tracer tracer = openTelemetry.getTracer("test");
  final Vertx vertx = Vertx.vertx();
  final WebClient client = WebClient.create(vertx);
  /** What was current on the event loop when each request arrived, before anything was attached. */
  final ConcurrentLinkedQueue<Span> currentOnArrival = new ConcurrentLinkedQueue<>();
  final HttpServer server;

  TracedServer() throws Exception {
    server = await(vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1"));
  }

  int port() {
    return server.actualPort();
  }

  private void handle(HttpServerRequest request) {
    currentOnArrival.add(Span.current());
    Context parent = VertxHeaders.extract(openTelemetry.getPropagators(), request.headers());
    Span span = tracer.spanBuilder("server").setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      request.response().end("ok");
    } finally {
      span.end();
    }
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws Exception {
    await(vertx.close());
  }
}
