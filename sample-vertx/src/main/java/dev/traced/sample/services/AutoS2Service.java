package dev.traced.sample.services;

import io.vertx.ext.web.Router;

/**
 * auto-s2, like the tutorial's {@code auto-s2.py}: {@code GET /} answers {@code hello world}. It
 * has no tracing code; under the OpenTelemetry Java agent its server span continues auto-s1's
 * trace from the request headers.
 */
public final class AutoS2Service extends HttpService {

  /** Port 20000, service name {@code auto-s2}. */
  public static final ServiceDescription DESCRIPTION =
      new ServiceDescription("auto-s2", 20000, ServiceNames.forCommand("auto-s2"), true, (settings, agent) -> new AutoS2Service(settings));

  AutoS2Service(ServiceSettings settings) {
    super(settings);
  }

  @Override
  void routes(Router router) {
    router.get("/").handler(context -> context.response().end("hello world"));
  }
}
