package dev.traced.sample;

import static dev.traced.sample.Services.awaitNewTraces;
import static dev.traced.sample.Services.get;
import static dev.traced.sample.Services.named;
import static dev.traced.sample.Services.traceIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.harness.OtlpReceiver;
import dev.traced.sample.harness.ReceivedSpan;
import dev.traced.sample.harness.ServiceEnvironment;
import dev.traced.sample.harness.ServiceProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * decorator-s1 and s2 under OpenTelemetry's Java agent and the AspectJ weaver together, started
 * with the very command lines of src-docs page 4: the services' own names, @Traced spans nested
 * inside the agent's HTTP spans in one trace, no span for /health, and no failed export.
 */
class JavaAgentIT {

  private static final String PAGE = "src-docs/en/04-java-agent.md";

  private static OtlpReceiver receiver;
  private static ServiceProcess s2;
  private static ServiceProcess decorator;

  /** Only what moves the service to free loopback ports and its export to the test's receiver. */
  private static ServiceProcess start(String service, Map<String, String> extra) throws Exception {
    GuideCommand command = GuideCommand.on(PAGE, service);
    Map<String, String> environment =
        ServiceEnvironment.onLoopback(0).with(command.environment()).with("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint()).with(extra).toMap();
    return ServiceProcess.run(service, command.words(), GuideCommand.ROOT, environment, Services.START_TIMEOUT);
  }

  @BeforeAll
  static void startServices() throws Exception {
    receiver = OtlpReceiver.start();
    s2 = start("s2", Map.of());
    decorator = start("decorator-s1", Services.callS2(s2));
  }

  @AfterAll
  static void stopServices() throws Exception {
    for (ServiceProcess service : new ServiceProcess[] {decorator, s2}) {
      if (service != null) {
        service.close();
      }
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void tracedSpansNestInsideTheAgentsHttpSpans() throws Exception {
    Set<String> before = traceIds(receiver);

    assertThat(get(decorator, Map.of()).body()).isEqualTo("hello world 1");

    String traceId =
        awaitNewTraces(receiver, before, 1, List.of("phase-1", "phase-2", "s2-span", "process s2.hello")).keySet().iterator().next();
    // Two server spans and a client span from the agent, three from the services' own code, and
    // the event-bus hop in s2 (the agent does not trace the event bus; traced-vertx does).
    assertThat(receiver.await(spans -> spans.stream().filter(span -> span.traceId().equals(traceId)).count() >= 8, Services.TRACE_TIMEOUT))
        .as("eight spans in trace %s: %s\ndecorator-s1 said:\n%s", traceId, receiver.spans(), decorator.output())
        .isTrue();
    List<ReceivedSpan> trace = receiver.traces().get(traceId);
    assertThat(trace).hasSize(8);
    Services.assertS2sEventBusHop(trace);
    ReceivedSpan server = only(trace, "decoration-s1", "SERVER");
    ReceivedSpan phaseOne = named(trace, "phase-1");
    ReceivedSpan client = only(trace, "decoration-s1", "CLIENT");
    ReceivedSpan s2Server = only(trace, "s2", "SERVER", "s2-span");
    ReceivedSpan s2Span = named(trace, "s2-span");

    assertThat(server.isRoot()).isTrue();
    assertThat(phaseOne.parentSpanId()).as("phase-1 inside the agent's server span").isEqualTo(server.spanId());
    assertThat(named(trace, "phase-2").parentSpanId()).isEqualTo(phaseOne.spanId());
    assertThat(client.parentSpanId()).as("the agent's client span inside phase-1").isEqualTo(phaseOne.spanId());
    assertThat(s2Server.parentSpanId()).as("s2's server span continues the client span").isEqualTo(client.spanId());
    assertThat(s2Span.parentSpanId()).as("s2-span inside s2's server span").isEqualTo(s2Server.spanId());
    assertThat(phaseOne.attributes()).containsEntry("s2.answer", "hello world 2");
  }

  @Test
  void healthChecksMakeNoSpanAndNothingFailsToExport() throws Exception {
    Set<String> before = traceIds(receiver);
    for (ServiceProcess service : List.of(decorator, s2)) {
      HttpResponse<String> health =
          Services.HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/health")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).isEqualTo("ok");
    }
    // A request after the probes: once its trace has arrived, any span of the probes would have too.
    assertThat(get(decorator, Map.of()).body()).isEqualTo("hello world 1");
    awaitNewTraces(receiver, before, 1, List.of("phase-1", "s2-span"));

    assertThat(receiver.spans())
        .as("spans of /health")
        .noneMatch(span -> String.valueOf(span.attributes().get("url.path")).equals("/health"));
    assertThat(decorator.output() + s2.output()).doesNotContain("Failed to export");
  }

  private static ReceivedSpan only(List<ReceivedSpan> trace, String service, String kind, String... except) {
    List<ReceivedSpan> matching =
        trace.stream()
            .filter(span -> span.service().equals(service) && span.kind().equals(kind))
            .filter(span -> !List.of(except).contains(span.name()))
            .toList();
    assertThat(matching).as("%s %s spans in %s", service, kind, trace).hasSize(1);
    return matching.get(0);
  }
}
