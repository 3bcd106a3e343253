package dev.traced.sample.services;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * s2, like the tutorial's {@code s2.py}: {@code GET /} continues the caller's trace with span
 * {@code s2-span} and answers {@code hello world 2}.
 */
public final class S2Service extends HttpService {

  /** Port 20000, service name {@code s2}. */
  public static final ServiceDescription DESCRIPTION =
      new ServiceDescription("s2", 20000, ServiceNames.forCommand("s2"), false, S2Service::new);

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  S2Service(ServiceSettings settings, OpenTelemetry openTelemetry) {
    super(settings);
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer(Samples.INSTRUMENTATION_SCOPE);
  }

  @Override
  void routes(Router router) {
    router.get("/").handler(this::hello);
  }

  private void hello(RoutingContext context) {
    Context parent = Samples.requestContext(openTelemetry.getPropagators(), context);
    Span span = tracer.spanBuilder("s2-span").setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      context.response().end("hello world 2");
    } finally {
      span.end();
    }
  }
}
