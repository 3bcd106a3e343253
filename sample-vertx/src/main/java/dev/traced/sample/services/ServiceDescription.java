package dev.traced.sample.services;

import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.VerticleBase;
import java.util.function.BiFunction;

/**
 * What {@link ServiceRunner} needs to start a service: its name, its default port and service
 * name, and how to build its verticle.
 *
 * @param command the command-line name, such as {@code s1}
 * @param defaultPort the port when {@code PORT} is not set
 * @param defaultServiceName the {@code service.name} when {@code OTEL_SERVICE_NAME} is not set
 * @param zeroCode the service has no tracing code of its own: its spans come only from the
 *     OpenTelemetry Java agent, so it builds no SDK, and says so when started without the agent
 * @param verticle builds the verticle from the service's settings and OpenTelemetry
 */
public record ServiceDescription(
    String command,
    int defaultPort,
    String defaultServiceName,
    boolean zeroCode,
    BiFunction<ServiceSettings, OpenTelemetry, VerticleBase> verticle) {}
