package dev.traced.sample.services;

import java.util.Map;

/**
 * Each sample service's default {@code service.name}, by the command that starts it, and the path
 * of its health check: what the services' own SDK and the OpenTelemetry Java agent (through
 * {@code dev.traced.sample.agent.AgentDefaults}) both need, in one place.
 */
public final class ServiceNames {

  /** Answered {@code ok} while a service runs, for probes; never traced. */
  public static final String HEALTH_PATH = "/health";

  private static final Map<String, String> BY_COMMAND =
      Map.of("s1", "s1", "s2", "s2", "decorator-s1", "decoration-s1", "auto-s1", "auto-s1", "auto-s2", "auto-s2");

  private ServiceNames() {}

  /** The default {@code service.name} of the service {@code command} starts, or {@code null}. */
  public static String forCommand(String command) {
    return command == null ? null : BY_COMMAND.get(command);
  }
}
