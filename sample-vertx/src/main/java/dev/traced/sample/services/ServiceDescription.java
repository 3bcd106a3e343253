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
 * @param verticle builds the verticle from the service's settings and OpenTelemetry
 */
public record ServiceDescription(
    String command,
    int defaultPort,
    String defaultServiceName,
    BiFunction<ServiceSettings, OpenTelemetry, VerticleBase> verticle) {}
