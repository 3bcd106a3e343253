package dev.traced.sample.services;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;

/**
 * Runs one sample service as a process: SDK, Vert.x, the service's verticle, and an orderly stop.
 *
 * <p>Prints {@code <service> listening on http://<address>:<port>} once it accepts requests (the
 * demo and the tests wait for that line), or why it could not start, and then exits with 1. On
 * SIGTERM it stops accepting requests, lets those in flight finish, and only then shuts the SDK
 * down, which exports every span that has ended: none is lost.
 */
public final class ServiceRunner {

  /** Printed when the service accepts requests. */
  public static final String READY = " listening on http://";

  private ServiceRunner() {}

  public static void run(ServiceDescription description) {
    String command = description.command();
    ServiceSettings settings;
    try {
      settings = ServiceSettings.from(System.getenv(), description.defaultPort());
    } catch (IllegalArgumentException e) {
      System.err.println(command + ": " + e.getMessage());
      System.exit(2);
      return;
    }

    Telemetry telemetry;
    if (description.zeroCode() && !Telemetry.javaAgentPresent()) {
      System.err.println(
          command + ": started without the OpenTelemetry Java agent, and has no tracing code of its own, so it makes no spans:"
              + " add -javaagent:opentelemetry-javaagent.jar");
    }
    try {
      telemetry = description.zeroCode() ? Telemetry.agentOnly() : Telemetry.start(description.defaultServiceName());
    } catch (ConfigurationException e) {
      System.err.println(command + ": OpenTelemetry configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx();
    HttpService service = (HttpService) description.verticle().apply(settings, telemetry.openTelemetry());
    try {
      vertx.deployVerticle(service).await(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println(
          command + ": cannot listen on " + settings.bindAddress() + ":" + settings.port() + ": " + describe(e));
      stop(vertx, telemetry);
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(vertx, telemetry), command + "-shutdown"));
    if (!description.zeroCode()) {
      System.out.println(command + ": " + Weaving.describe());
    }
    System.out.println(command + READY + settings.bindAddress() + ":" + service.actualPort());
  }

  private static void stop(Vertx vertx, Telemetry telemetry) {
    try {
      vertx.close().await(HttpService.GRACE_PERIOD.toSeconds() + 5, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("Vert.x did not close in time: " + describe(e));
    }
    telemetry.shutdown();
  }

  private static String describe(Throwable error) {
    Throwable cause = DistinctFailures.innermostCause(error);
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
