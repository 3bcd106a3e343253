package dev.traced.sample;

import static dev.traced.sample.Services.awaitNewTraces;
import static dev.traced.sample.Services.get;
import static dev.traced.sample.Services.named;
import static dev.traced.sample.Services.traceIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.harness.OtlpReceiver;
import dev.traced.sample.harness.ReceivedSpan;
import dev.traced.sample.harness.ServiceProcess;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * s2, s1 and decorator-s1 as separate JVMs with the weaver agent, exporting real OTLP/HTTP to a
 * receiver in this test: every request must give one trace across both services, with the
 * tutorial's span tree.
 */
class SampleTracesIT {

  private static final List<String> MANUAL = List.of("s1-span", "s1-span-db", "s2-span", "send s2.hello", "process s2.hello");
  private static final List<String> DECORATED = List.of("phase-1", "phase-2", "s2-span", "send s2.hello", "process s2.hello");

  private static OtlpReceiver receiver;
  private static ServiceProcess s2;
  private static ServiceProcess s1;
  private static ServiceProcess decorator;

  @BeforeAll
  static void startServices() throws Exception {
    receiver = OtlpReceiver.start();
    s2 = Services.start("s2", receiver, Map.of());
    Map<String, String> callS2 = Services.callS2(s2);
    s1 = Services.start("s1", receiver, callS2);
    decorator = Services.start("decorator-s1", receiver, callS2);
  }

  @AfterAll
  static void stopServices() throws Exception {
    for (ServiceProcess service : new ServiceProcess[] {decorator, s1, s2}) {
      if (service != null) {
        service.close();
      }
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @Test
  void s1AndS2ShareOneTraceWithTheTutorialsSpans() throws Exception {
    Set<String> before = traceIds(receiver);

    HttpResponse<String> response = get(s1, Map.of());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello world 1");
    List<ReceivedSpan> trace = awaitNewTraces(receiver, before, 1, MANUAL).values().iterator().next();
    assertManualTree(trace);
    ReceivedSpan s1Span = named(trace, "s1-span");
    ReceivedSpan s2Span = named(trace, "s2-span");
    assertThat(s1Span.kind()).isEqualTo("SERVER");
    assertThat(s2Span.kind()).isEqualTo("SERVER");
    assertThat(s1Span.attributes()).containsEntry("name", "wilson").containsEntry("addr", "cd");
  }

  @Test
  void decoratorS1TracesWithAnnotationsOnly() throws Exception {
    Set<String> before = traceIds(receiver);

    HttpResponse<String> response = get(decorator, Map.of());

    assertThat(response.body()).isEqualTo("hello world 1");
    List<ReceivedSpan> trace = awaitNewTraces(receiver, before, 1, DECORATED).values().iterator().next();
    assertDecoratedTree(trace);
    ReceivedSpan phaseOne = named(trace, "phase-1");
    assertThat(phaseOne.kind()).isEqualTo("INTERNAL");
    assertThat(phaseOne.attributes())
        .containsEntry("code.function.name", "dev.traced.sample.services.Phases.phaseOne")
        .containsEntry("s2.answer", "hello world 2");
  }

  @Test
  void sequentialRequestsGiveOneCorrectTraceEach() throws Exception {
    int requests = 10;
    Set<String> before = traceIds(receiver);

    for (int i = 0; i < requests; i++) {
      assertThat(get(s1, Map.of()).body()).isEqualTo("hello world 1");
      assertThat(get(decorator, Map.of()).body()).isEqualTo("hello world 1");
    }

    awaitNewTraces(receiver, before, requests, MANUAL).values().forEach(SampleTracesIT::assertManualTree);
    awaitNewTraces(receiver, before, requests, DECORATED).values().forEach(SampleTracesIT::assertDecoratedTree);
  }

  @Test
  void concurrentRequestsGiveOneCorrectTraceEach() throws Exception {
    int requests = 25;
    Set<String> before = traceIds(receiver);

    List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      for (ServiceProcess service : List.of(s1, decorator)) {
        responses.add(
            Services.HTTP.sendAsync(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + service.port() + "/")).build(),
                HttpResponse.BodyHandlers.ofString()));
      }
    }
    for (CompletableFuture<HttpResponse<String>> response : responses) {
      assertThat(response.get(30, TimeUnit.SECONDS).body()).isEqualTo("hello world 1");
    }

    awaitNewTraces(receiver, before, requests, MANUAL).values().forEach(SampleTracesIT::assertManualTree);
    awaitNewTraces(receiver, before, requests, DECORATED).values().forEach(SampleTracesIT::assertDecoratedTree);
  }

  @Test
  void aCallersTraceContextIsContinued() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    String callerSpanId = "00f067aa0ba902b7";
    Set<String> before = traceIds(receiver);

    get(s1, Map.of("traceparent", List.of("00-" + traceId + "-" + callerSpanId + "-01")));

    List<ReceivedSpan> trace = awaitNewTraces(receiver, before, 1, MANUAL).get(traceId);
    assertThat(trace).as("the caller's trace").isNotNull();
    assertThat(named(trace, "s1-span").parentSpanId()).isEqualTo(callerSpanId);
  }

  @Test
  void aDuplicatedTraceparentStartsANewTrace() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4737";
    String parent = "00-" + traceId + "-00f067aa0ba902b7-01";
    Set<String> before = traceIds(receiver);

    HttpResponse<String> response = get(s2, Map.of("traceparent", List.of(parent, parent)));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("hello world 2");
    Map<String, List<ReceivedSpan>> traces = awaitNewTraces(receiver, before, 1, List.of("s2-span", "process s2.hello"));
    assertThat(traces).doesNotContainKey(traceId);
    assertThat(named(traces.values().iterator().next(), "s2-span").isRoot()).isTrue();
  }

  private static void assertManualTree(List<ReceivedSpan> trace) {
    assertThat(trace).hasSize(5);
    Services.assertS2sEventBusHop(trace);
    ReceivedSpan s1Span = named(trace, "s1-span");
    assertThat(s1Span.isRoot()).isTrue();
    assertThat(s1Span.service()).isEqualTo("s1");
    assertThat(named(trace, "s1-span-db").parentSpanId()).isEqualTo(s1Span.spanId());
    assertThat(named(trace, "s1-span-db").service()).isEqualTo("s1");
    assertThat(named(trace, "s2-span").parentSpanId()).isEqualTo(s1Span.spanId());
    assertThat(named(trace, "s2-span").service()).isEqualTo("s2");
  }

  private static void assertDecoratedTree(List<ReceivedSpan> trace) {
    assertThat(trace).hasSize(5);
    Services.assertS2sEventBusHop(trace);
    ReceivedSpan phaseOne = named(trace, "phase-1");
    assertThat(phaseOne.isRoot()).isTrue();
    assertThat(phaseOne.service()).isEqualTo("decoration-s1");
    assertThat(named(trace, "phase-2").parentSpanId()).isEqualTo(phaseOne.spanId());
    assertThat(named(trace, "phase-2").service()).isEqualTo("decoration-s1");
    assertThat(named(trace, "s2-span").parentSpanId()).isEqualTo(phaseOne.spanId());
    assertThat(named(trace, "s2-span").service()).isEqualTo("s2");
  }
}
