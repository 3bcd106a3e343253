package dev.traced.sample.harness;

import dev.traced.sample.services.ServiceSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment a sample service is started with by the demo, the tests and the benchmarks:
 * where it listens, where it exports its spans and how, where it finds s2 and its data stores.
 * One place, so that a new setting or flavour is one change.
 */
public final class ServiceEnvironment {

  /** The OTLP protocols, as {@code OTEL_EXPORTER_OTLP_PROTOCOL} names them. */
  public static final String HTTP_PROTOBUF = "http/protobuf";

  public static final String GRPC = "grpc";

  private final Map<String, String> variables = new LinkedHashMap<>();

  private ServiceEnvironment(int port) {
    variables.put(ServiceSettings.PORT, Integer.toString(port));
    variables.put(ServiceSettings.BIND_ADDRESS, "127.0.0.1");
  }

  /** A service listening on loopback {@code port}, 0 for one the system picks. */
  public static ServiceEnvironment onLoopback(int port) {
    return new ServiceEnvironment(port);
  }

  /**
   * Exports traces to {@code receiver} over {@code protocol}, in batches sent every 50 ms so that a
   * trace arrives soon after its request.
   */
  public ServiceEnvironment exportingTo(OtlpReceiver receiver, String protocol) {
    return exportingTo(receiver.endpoint(protocol), protocol).with("OTEL_BSP_SCHEDULE_DELAY", "50");
  }

  /**
   * Exports traces to {@code endpoint}, any OTLP backend, over {@code protocol}. The
   * signal-specific variables are set too, so that a user's own {@code OTEL_EXPORTER_OTLP_TRACES_*}
   * cannot send them elsewhere.
   */
  public ServiceEnvironment exportingTo(String endpoint, String protocol) {
    variables.put("OTEL_TRACES_EXPORTER", "otlp");
    variables.put("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint);
    variables.put("OTEL_EXPORTER_OTLP_PROTOCOL", protocol);
    variables.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", GRPC.equals(protocol) ? endpoint : endpoint + "/v1/traces");
    variables.put("OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", protocol);
    return this;
  }

  /** Calls s2 (or auto-s2) at loopback {@code port}. */
  public ServiceEnvironment callingS2(int port) {
    variables.put(ServiceSettings.S2_ADDR, "http://127.0.0.1:" + port);
    return this;
  }

  /** Uses the Redis and MariaDB of {@code stores}. */
  public ServiceEnvironment using(DataStores stores) {
    variables.putAll(stores.settings());
    return this;
  }

  /** Sets {@code name}, replacing what was set before. */
  public ServiceEnvironment with(String name, String value) {
    variables.put(name, value);
    return this;
  }

  /** Sets each of {@code more}, replacing what was set before. */
  public ServiceEnvironment with(Map<String, String> more) {
    variables.putAll(more);
    return this;
  }

  public Map<String, String> toMap() {
    return Map.copyOf(variables);
  }
}
