package dev.traced.sample.services;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * A sample service's HTTP server: {@code GET /health} for probes, the service's own routes, and
 * a graceful stop that lets requests in flight finish (and their spans end) before it closes.
 */
abstract class HttpService extends VerticleBase {

  private static final DistinctFailures FAILURES = new DistinctFailures(Logger.getLogger(HttpService.class.getName()));
  static final Duration GRACE_PERIOD = Duration.ofSeconds(10);

  private final ServiceSettings settings;
  private HttpServer server;

  HttpService(ServiceSettings settings) {
    this.settings = settings;
  }

  /** Adds the service's routes. */
  abstract void routes(Router router);

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.get(ServiceNames.HEALTH_PATH).handler(context -> context.response().end("ok"));
    routes(router);
    // Never a stack trace in a response: the failure is logged, the client gets a plain status.
    router.route().failureHandler(
        context -> {
          int status = context.statusCode() > 0 ? context.statusCode() : 500;
          if (context.failure() != null) {
            FAILURES.log("request failed", " (" + context.request().path() + ")", context.failure());
          }
          if (!context.response().ended()) {
            context.response().setStatusCode(status).end();
          }
        });
    return vertx
        .createHttpServer()
        .requestHandler(router)
        .listen(settings.port(), settings.bindAddress())
        .onSuccess(listening -> server = listening);
  }

  @Override
  public Future<?> stop() {
    return server == null ? Future.succeededFuture() : server.shutdown(GRACE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  int actualPort() {
    return server.actualPort();
  }

  ServiceSettings settings() {
    return settings;
  }
}
