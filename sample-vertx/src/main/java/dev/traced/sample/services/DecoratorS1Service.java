package dev.traced.sample.services;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * decorator-s1, like the tutorial's {@code decorator-s1.py}: the same endpoint as s1, whose spans
 * come only from the {@code @Traced} methods of {@link Phases}, woven at load time.
 */
public final class DecoratorS1Service extends HttpService {

  /** Port 10000, service name {@code decoration-s1} (the tutorial's name). */
  public static final ServiceDescription DESCRIPTION =
      new ServiceDescription("decorator-s1", 10000, ServiceNames.forCommand("decorator-s1"), false, DecoratorS1Service::new);

  private final OpenTelemetry openTelemetry;
  private Phases phases;

  DecoratorS1Service(ServiceSettings settings, OpenTelemetry openTelemetry) {
    super(settings);
    this.openTelemetry = openTelemetry;
  }

  @Override
  void routes(Router router) {
    phases = new Phases(new S2Client(vertx, settings().s2Address(), openTelemetry.getPropagators()));
    router.get("/").handler(this::hello);
  }

  private void hello(RoutingContext context) {
    Context caller = Samples.requestContext(openTelemetry.getPropagators(), context);
    try (Scope ignored = caller.makeCurrent()) {
      phases.phaseOne().onComplete(answer -> Samples.replyAfterS2(context, Span.getInvalid(), answer));
    }
  }
}
