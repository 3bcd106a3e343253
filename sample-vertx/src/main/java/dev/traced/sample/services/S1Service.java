package dev.traced.sample.services;

import dev.traced.vertx.ContextualHandlers;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * s1 with hand-written spans, like the tutorial's {@code s1.py}: {@code GET /} starts
 * {@code s1-span} (attributes {@code name=wilson}, {@code addr=cd}), runs a child
 * {@code s1-span-db}, calls s2 with the context in the headers, and answers {@code hello world 1}
 * once s2 has. {@code s1-span} ends after s2's answer, so it covers the call.
 */
public final class S1Service extends HttpService {

  /** Port 10000, service name {@code s1}. */
  public static final ServiceDescription DESCRIPTION =
      new ServiceDescription("s1", 10000, ServiceNames.forCommand("s1"), false, S1Service::new);

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;
  private S2Client s2;

  S1Service(ServiceSettings settings, OpenTelemetry openTelemetry) {
    super(settings);
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer(Samples.INSTRUMENTATION_SCOPE);
  }

  @Override
  void routes(Router router) {
    s2 = new S2Client(vertx, settings().s2Address(), openTelemetry.getPropagators());
    router.get("/").handler(this::hello);
  }

  private void hello(RoutingContext context) {
    Context parent = Samples.requestContext(openTelemetry.getPropagators(), context);
    Span span =
        tracer
            .spanBuilder("s1-span")
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("name", "wilson")
            .setAttribute("addr", "cd")
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      queryDatabase();
      s2.hello()
          .onComplete(
              ContextualHandlers.withCurrentContext(
                  answer -> {
                    Samples.replyAfterS2(context, span, answer);
                    span.end();
                  }));
    }
  }

  /** The tutorial's stand-in for a database query: a child span of {@code s1-span}. */
  private void queryDatabase() {
    Span span = tracer.spanBuilder("s1-span-db").startSpan();
    span.end();
  }
}
