package dev.traced.sample.demo;

import dev.traced.sample.harness.DataStores;
import dev.traced.sample.harness.Flavour;
import dev.traced.sample.harness.OtlpReceiver;
import dev.traced.sample.harness.ServiceEnvironment;
import dev.traced.sample.harness.ServiceProcess;

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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The README's first command: runs each {@link Flavour} of the tutorial, s2 and s1, then s2 and
 * decorator-s1 (each as its own JVM with the weaver agent), then auto-s2 and auto-s1 under the
 * OpenTelemetry Java agent with a Redis and a MariaDB it starts (when they are installed; else it
 * says what it skipped); sends each s1 a request as the tutorial's {@code curl} does, and prints
 * the distributed trace that the services exported over OTLP to a receiver the demo runs.
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
      out.println("traced demo: s1 calls s2, both traced with OpenTelemetry and exported over OTLP");
      out.println("  spans are received by the demo at " + receiver.endpoint() + " (OTLP/HTTP) and " + receiver.grpcEndpoint() + " (OTLP/gRPC)");
      if (forwarder != null) {
        out.println("  OTEL_EXPORTER_OTLP_ENDPOINT is set: forwarding them to " + forwarder.target());
      }
      out.println();

      List<Flavour> flavours = Flavour.ALL;
      for (int number = 1; number <= flavours.size(); number++) {
        Flavour flavour = flavours.get(number - 1);
        out.println("[" + number + "/" + flavours.size() + "] " + flavour.title());
        if (flavour.dataStores()) {
          Optional<String> missing = DataStores.missing();
          if (missing.isPresent()) {
            out.println("  skipped: " + missing.get());
            out.println();
            continue;
          }
          try (DataStores stores = DataStores.start()) {
            out.println(
                "  Redis on 127.0.0.1:" + stores.redis().port() + " and MariaDB on 127.0.0.1:" + stores.database().port()
                    + ", started for the demo");
            show(receiver, flavour, environment -> environment.using(stores));
          }
        } else {
          show(receiver, flavour, environment -> environment);
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

  /** Runs {@code flavour}'s two services, sends s1 a request, and prints the trace. */
  private void show(OtlpReceiver receiver, Flavour flavour, UnaryOperator<ServiceEnvironment> settings)
      throws IOException, InterruptedException {
    // The zero-code services export over gRPC, as the tutorial's opentelemetry-instrument line does.
    String protocol = flavour.javaAgent() ? ServiceEnvironment.GRPC : ServiceEnvironment.HTTP_PROTOBUF;
    try (ServiceProcess s2 = start(flavour, flavour.s2(), s2Port, settings.apply(ServiceEnvironment.onLoopback(s2Port).exportingTo(receiver, protocol)))) {
      try (ServiceProcess s1 =
          start(flavour, flavour.s1(), s1Port, settings.apply(ServiceEnvironment.onLoopback(s1Port).exportingTo(receiver, protocol).callingS2(s2.port())))) {
        request(s1);
        showTrace(receiver, flavour);
      }
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

  private ServiceProcess start(Flavour flavour, String service, int port, ServiceEnvironment environment)
      throws IOException, InterruptedException {
    ServiceProcess process;
    try {
      process = ServiceProcess.start(sampleJar, flavour, service, environment.toMap(), START_TIMEOUT);
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

  private void showTrace(OtlpReceiver receiver, Flavour flavour) throws InterruptedException {
    boolean complete = receiver.await(spans -> newTrace(receiver, flavour).isPresent(), TRACE_TIMEOUT);
    if (!complete) {
      throw new IllegalStateException(
          "no complete trace of " + flavour + " within " + TRACE_TIMEOUT.toSeconds() + " s; received: " + receiver.spans());
    }
    String traceId = newTrace(receiver, flavour).orElseThrow();
    shownTraces.add(traceId);
    out.println();
    out.print(TraceTree.render(traceId, receiver.traces().get(traceId)));
    out.println();
  }

  private Optional<String> newTrace(OtlpReceiver receiver, Flavour flavour) {
    return receiver.traces().entrySet().stream()
        .filter(trace -> !shownTraces.contains(trace.getKey()))
        .filter(trace -> flavour.complete().test(trace.getValue()))
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
