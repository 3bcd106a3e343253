package dev.traced.sample.services;

import dev.traced.vertx.ContextualHandlers;
import dev.traced.vertx.EventBusTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * s2, like the tutorial's {@code s2.py}: {@code GET /} continues the caller's trace with span
 * {@code s2-span} and answers {@code hello world 2}. The answer comes from an event-bus consumer
 * ({@value #HELLO_ADDRESS}), as Vert.x applications hand work around, traced by
 * {@link EventBusTracing}: {@code s2-span} → {@code send s2.hello} → {@code process s2.hello}.
 */
public final class S2Service extends HttpService {

  /** Port 20000, service name {@code s2}. */
  public static final ServiceDescription DESCRIPTION =
      new ServiceDescription("s2", 20000, ServiceNames.forCommand("s2"), false, S2Service::new);

  /** The event-bus address of the consumer that makes s2's answer. */
  static final String HELLO_ADDRESS = "s2.hello";

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  S2Service(ServiceSettings settings, OpenTelemetry openTelemetry) {
    super(settings);
    this.openTelemetry = openTelemetry;
    this.tracer = openTelemetry.getTracer(Samples.INSTRUMENTATION_SCOPE);
  }

  @Override
  void routes(Router router) {
    EventBusTracing.install(vertx, openTelemetry);
    vertx.eventBus().<String>consumer(HELLO_ADDRESS, message -> message.reply("hello world 2"));
    router.get("/").handler(this::hello);
  }

  private void hello(RoutingContext context) {
    Context parent = Samples.requestContext(openTelemetry.getPropagators(), context);
    Span span = tracer.spanBuilder("s2-span").setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      vertx.eventBus()
          .<String>request(HELLO_ADDRESS, "hello")
          .onComplete(
              ContextualHandlers.withCurrentContext(
                  reply -> {
                    if (reply.failed()) {
                      span.setStatus(StatusCode.ERROR, "the s2.hello consumer failed");
                    }
                    // Ended before the answer leaves: the caller's spans, which end on the answer, cover it.
                    span.end();
                    if (reply.succeeded()) {
                      context.response().end(reply.result().body());
                    } else {
                      context.response().setStatusCode(500).end();
                    }
                  }));
    }
  }
}
