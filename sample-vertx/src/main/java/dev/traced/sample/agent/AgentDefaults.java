package dev.traced.sample.agent;

import dev.traced.sample.services.ServiceNames;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import java.util.HashMap;
import java.util.Map;

/**
 * The sample services' defaults under the OpenTelemetry Java agent, as an agent extension
 * ({@code -Dotel.javaagent.extensions=sample-vertx/target/sample-vertx-agent-extension.jar}): the
 * same behaviour as with the services' own SDK.
 *
 * <ul>
 *   <li>{@code service.name} is the service's own ({@code s2}, {@code decoration-s1}, ...) instead
 *       of the agent's guess from the jar's name;
 *   <li>only traces are exported, as the guide's backends (Jaeger, Tempo) accept nothing else;
 *   <li>{@code GET /health} is not traced ({@link HealthChecksUntraced}).
 * </ul>
 *
 * <p>These are defaults: any {@code OTEL_*} variable or {@code otel.*} property the user sets wins.
 */
public final class AgentDefaults implements AutoConfigurationCustomizerProvider {

  @Override
  public void customize(AutoConfigurationCustomizer customizer) {
    customizer.addPropertiesSupplier(() -> defaults(System.getProperty("sun.java.command"), System.getenv("SERVICE")));
    customizer.addSamplerCustomizer((sampler, config) -> new HealthChecksUntraced(sampler));
  }

  /**
   * The default properties for the service that {@code javaCommand} (the main class or jar and its
   * arguments) or {@code serviceVariable} ({@code SERVICE}) names.
   */
  static Map<String, String> defaults(String javaCommand, String serviceVariable) {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("otel.metrics.exporter", "none");
    defaults.put("otel.logs.exporter", "none");
    String serviceName = ServiceNames.forCommand(lastWord(javaCommand));
    if (serviceName == null) {
      serviceName = ServiceNames.forCommand(serviceVariable);
    }
    if (serviceName != null) {
      defaults.put("otel.service.name", serviceName);
    }
    return defaults;
  }

  /** The service's command is the program's last argument; a jar's path may contain spaces. */
  private static String lastWord(String javaCommand) {
    if (javaCommand == null || javaCommand.isBlank()) {
      return null;
    }
    String[] words = javaCommand.trim().split("\\s+");
    return words[words.length - 1];
  }
}
