package dev.traced.sample.demo;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The README's first command: runs s2 and s1, then s2 and decorator-s1, each as its own JVM with
 * the weaver agent, sends each s1 a request as the tutorial's {@code curl} does, and prints the
 * distributed trace that the services exported over OTLP/HTTP to a receiver the demo runs.
 *
 * <p>With {@code OTEL_EXPORTER_OTLP_ENDPOINT} set, the demo also forwards everything it receives
 * to that endpoint (OTLP/HTTP), so the same traces show up in a real Jaeger or Tempo.
 */
public final class Demo {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration TRACE_TIMEOUT = Duration.ofSeconds(30);

  private final PrintStream out;
  private final Path sampleJar;
  private final int s1Port;
  private final int s2Port;
  private final Set<String> shownTraces = new HashSet<>();

  private Demo(PrintStream out, Path sampleJar, int s1Port, int s2Port) {
    this.out = out;
    this.sampleJar = sampleJar;
    this.s1Port = s1Port;
    this.s2Port = s2Port;
  }

  /** Names the file that tells the build the demo failed: set by {@code mvn -Pdemo package}. */
  public static final String FAILURE_MARKER = "demo.failure-marker";

  /**
   * As {@link #run(PrintStream)}; when the build names a {@link #FAILURE_MARKER} file, a failure
   * also leaves that file, so that Maven fails with one short line of its own after the demo's
   * message instead of the stack trace a non-zero exit code earns.
   */
  public static int runFromBuild(PrintStream out) throws IOException {
    String marker = System.getProperty(FAILURE_MARKER);
    if (marker != null) {
      Files.deleteIfExists(Path.of(marker));
    }
    int code = run(out);
    if (marker != null && code != 0) {
      Files.writeString(Path.of(marker), "exit code " + code + System.lineSeparator());
    }
    return code;
  }

  /**
   * Runs the demo on the tutorial's ports, 10000 for s1 and 20000 for s2, or those in
   * {@code S1_PORT} and {@code S2_PORT}.
   *
   * @return the process exit code: 0 when every trace was shown
   */
  public static int run(PrintStream out) {
    try {
      return new Demo(out, ownJar(), port("S1_PORT", 10000), port("S2_PORT", 20000)).run();
    } catch (IOException | IllegalStateException e) {
      out.println();
      out.println("demo failed: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("demo interrupted");
      return 1;
    }
  }

  private int run() throws IOException, InterruptedException {
    String userEndpoint = System.getenv("OTEL_EXPORTER_OTLP_ENDPOINT");
    OtlpForwarder forwarder =
        userEndpoint == null || userEndpoint.isBlank()
            ? null
            : new OtlpForwarder(userEndpoint, System.getenv("OTEL_EXPORTER_OTLP_HEADERS"));
    try (OtlpReceiver receiver = forwarder == null ? OtlpReceiver.start() : OtlpReceiver.start(forwarder)) {
      out.println("traced demo: s1 calls s2, both traced with OpenTelemetry and exported over OTLP/HTTP");
      out.println("  spans are received by the demo at " + receiver.endpoint());
      if (forwarder != null) {
        out.println("  OTEL_EXPORTER_OTLP_ENDPOINT is set: forwarding them to " + forwarder.target());
      }
      out.println();

      out.println("[1/2] hand-written spans (s1.py, s2.py)");
      try (ServiceProcess s2 = start(receiver, "s2", s2Port)) {
        try (ServiceProcess s1 = start(receiver, "s1", s1Port)) {
          request(s1);
          showTrace(receiver, List.of("s1-span", "s1-span-db", "s2-span"));
        }
        out.println("[2/2] @Traced spans, woven at load time (decorator-s1.py)");
        try (ServiceProcess decorator = start(receiver, "decorator-s1", s1Port)) {
          request(decorator);
          showTrace(receiver, List.of("phase-1", "phase-2", "s2-span"));
        }
      }
      if (forwarder != null) {
        out.println(forwarder.finish());
      } else {
        out.println("To see these traces in Jaeger, start it (see docs) and run the demo with");
        out.println("OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318 set.");
      }
      return 0;
    }
  }

  private static int port(String variable, int defaultPort) {
    String value = System.getenv(variable);
    try {
      return value == null || value.isBlank() ? defaultPort : Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalStateException(variable + " must be a port number, not \"" + value + "\"");
    }
  }

  private ServiceProcess start(OtlpReceiver receiver, String service, int port)
      throws IOException, InterruptedException {
    Map<String, String> environment = new HashMap<>();
    environment.put("PORT", Integer.toString(port));
    environment.put("BIND_ADDRESS", "127.0.0.1");
    environment.put("S2_ADDR", "http://127.0.0.1:" + s2Port);
    environment.put("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint());
    environment.put("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", receiver.endpoint() + "/v1/traces");
    environment.put("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
    environment.put("OTEL_TRACES_EXPORTER", "otlp");
    environment.put("OTEL_BSP_SCHEDULE_DELAY", "100");
    ServiceProcess process;
    try {
      process = ServiceProcess.start(sampleJar, service, environment, START_TIMEOUT);
    } catch (IOException e) {
      throw new IOException(
          e.getMessage() + "\n(" + service + " needs port " + port + "; if it is taken, choose others with S1_PORT and S2_PORT)", e);
    }
    out.println("  " + service + " listening on http://localhost:" + process.port() + "  (pid " + process.pid() + ")");
    return process;
  }

  private void request(ServiceProcess s1) throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + s1.port() + "/");
    out.println("  $ curl http://localhost:" + s1.port());
    // HTTP/1.1 as curl speaks it, without the h2c upgrade attempt of HttpClient's default.
    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    HttpResponse<String> response =
        client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
    out.println("  " + response.body());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(s1.name() + " answered HTTP " + response.statusCode() + ":\n" + s1.output());
    }
  }

  private void showTrace(OtlpReceiver receiver, List<String> expectedNames) throws InterruptedException {
    boolean complete = receiver.await(spans -> newTrace(receiver, expectedNames).isPresent(), TRACE_TIMEOUT);
    if (!complete) {
      throw new IllegalStateException(
          "no complete trace with spans " + expectedNames + " within " + TRACE_TIMEOUT.toSeconds() + " s; received: " + receiver.spans());
    }
    String traceId = newTrace(receiver, expectedNames).orElseThrow();
    shownTraces.add(traceId);
    out.println();
    out.print(TraceTree.render(traceId, receiver.traces().get(traceId)));
    out.println();
  }

  private Optional<String> newTrace(OtlpReceiver receiver, List<String> expectedNames) {
    return receiver.traces().entrySet().stream()
        .filter(trace -> !shownTraces.contains(trace.getKey()))
        .filter(trace -> trace.getValue().stream().map(ReceivedSpan::name).toList().containsAll(expectedNames))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  private static Path ownJar() {
    try {
      Path location = Path.of(Demo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      if (!location.toString().endsWith(".jar")) {
        throw new IllegalStateException("run the demo from the built jar: java -jar sample-vertx/target/sample-vertx.jar demo");
      }
      return location;
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the sample jar", e);
    }
  }
}
