package dev.traced.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.harness.OtlpReceiver;
import dev.traced.sample.harness.ReceivedSpan;
import dev.traced.sample.harness.ServiceEnvironment;
import dev.traced.sample.harness.ServiceProcess;
import dev.traced.sample.services.ServiceSettings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Starts sample services as JVMs with the weaver agent, on free ports, exporting to a receiver. */
final class Services {

  static final Path SAMPLE_JAR = Path.of(System.getProperty("sample.jar", "target/sample-vertx.jar"));
  static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  static final Duration TRACE_TIMEOUT = Duration.ofSeconds(30);
  /** HTTP/1.1, as curl speaks it: no h2c upgrade attempt on plain-text connections. */
  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

  private Services() {}

  /** Starts {@code service} on a port the system picks, exporting to {@code receiver}. */
  static ServiceProcess start(String service, OtlpReceiver receiver, Map<String, String> extra)
      throws IOException, InterruptedException {
    return start(service, receiver, extra, List.of());
  }

  /** As {@link #start(String, OtlpReceiver, Map)}, with other agents before the weaver. */
  static ServiceProcess start(String service, OtlpReceiver receiver, Map<String, String> extra, List<Path> agents)
      throws IOException, InterruptedException {
    return start(service, receiver.endpoint(), extra, agents);
  }

  /**
   * Starts {@code service} exporting to {@code otlpEndpoint}, which may be a backend that
   * misbehaves, over the protocol {@code extra} names ({@code OTEL_EXPORTER_OTLP_PROTOCOL}, by
   * default OTLP/HTTP); {@code extra} overrides any of the settings made here.
   */
  static ServiceProcess start(String service, String otlpEndpoint, Map<String, String> extra, List<Path> agents)
      throws IOException, InterruptedException {
    Map<String, String> environment =
        ServiceEnvironment.onLoopback(0)
            .exportingTo(otlpEndpoint, extra.getOrDefault("OTEL_EXPORTER_OTLP_PROTOCOL", ServiceEnvironment.HTTP_PROTOBUF))
            .with("OTEL_BSP_SCHEDULE_DELAY", "50")
            .with(extra)
            .toMap();
    return ServiceProcess.start(SAMPLE_JAR, agents, service, environment, START_TIMEOUT);
  }

  /** The {@code S2_ADDR} setting that points s1 or decorator-s1 at {@code s2}. */
  static Map<String, String> callS2(ServiceProcess s2) {
    return Map.of(ServiceSettings.S2_ADDR, "http://127.0.0.1:" + s2.port());
  }

  static HttpResponse<String> get(ServiceProcess service, Map<String, List<String>> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/")).timeout(Duration.ofSeconds(15));
    headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  static Set<String> traceIds(OtlpReceiver receiver) {
    return receiver.spans().stream().map(ReceivedSpan::traceId).collect(Collectors.toSet());
  }

  /**
   * Waits for {@code count} traces that were not among {@code before} and that each hold every
   * span in {@code names}; returns them by trace id.
   */
  static Map<String, List<ReceivedSpan>> awaitNewTraces(
      OtlpReceiver receiver, Set<String> before, int count, List<String> names) throws InterruptedException {
    boolean arrived =
        receiver.await(spans -> completeNewTraces(spans, before, names).size() >= count, TRACE_TIMEOUT);
    assertThat(arrived)
        .as("%d complete traces with spans %s; received %s", count, names, receiver.spans())
        .isTrue();
    Map<String, List<ReceivedSpan>> traces = completeNewTraces(receiver.spans(), before, names);
    assertThat(traces).hasSize(count);
    return traces;
  }

  private static Map<String, List<ReceivedSpan>> completeNewTraces(
      List<ReceivedSpan> spans, Set<String> before, List<String> names) {
    return spans.stream()
        .filter(span -> !before.contains(span.traceId()))
        .collect(Collectors.groupingBy(ReceivedSpan::traceId))
        .entrySet()
        .stream()
        .filter(trace -> trace.getValue().stream().map(ReceivedSpan::name).toList().containsAll(names))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  /**
   * s2's part of a trace: {@code s2-span} hands the work to the {@code s2.hello} consumer over the
   * event bus, {@code send s2.hello} (PRODUCER) under it, {@code process s2.hello} (CONSUMER)
   * under that, all three in s2. Their timestamps are not compared: a span whose parent came from
   * another thread's headers anchors its clock anew, with a wall-clock read and a monotonic read one
   * after the other, and a thread descheduled between the two moves all of that span's timestamps
   * earlier, by as long as it waited.
   */
  static void assertS2sEventBusHop(List<ReceivedSpan> trace) {
    ReceivedSpan s2Span = named(trace, "s2-span");
    ReceivedSpan send = named(trace, "send s2.hello");
    ReceivedSpan process = named(trace, "process s2.hello");
    assertThat(send.kind()).isEqualTo("PRODUCER");
    assertThat(send.parentSpanId()).isEqualTo(s2Span.spanId());
    assertThat(process.kind()).isEqualTo("CONSUMER");
    assertThat(process.parentSpanId()).isEqualTo(send.spanId());
    assertThat(List.of(s2Span, send, process)).allMatch(span -> span.service().equals("s2"));
    assertThat(process.attributes())
        .containsEntry("messaging.system", "vertx-eventbus")
        .containsEntry("messaging.destination.name", "s2.hello")
        .containsEntry("messaging.operation.type", "process");
  }

  static ReceivedSpan named(List<ReceivedSpan> trace, String name) {
    List<ReceivedSpan> matching = trace.stream().filter(span -> span.name().equals(name)).toList();
    assertThat(matching).as("spans named %s in %s", name, trace).hasSize(1);
    return matching.get(0);
  }
}
