package dev.traced.sample;

import static dev.traced.sample.Services.get;
import static dev.traced.sample.Services.traceIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.harness.DataStores;
import dev.traced.sample.harness.Flavour;
import dev.traced.sample.harness.OtlpReceiver;
import dev.traced.sample.harness.ReceivedSpan;
import dev.traced.sample.harness.ServiceEnvironment;
import dev.traced.sample.harness.ServiceProcess;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The zero-code flavour, auto-s1 and auto-s2, started with the very command lines of src-docs
 * page 8 under the OpenTelemetry Java agent, against a real Redis and a real MariaDB started for
 * the test: the trace the agent makes of Redis, the query and the HTTP call, over OTLP/gRPC and
 * OTLP/HTTP; and what a request does while Redis or the database is down, and after it is back.
 */
class ZeroCodeIT {

  private static final String PAGE = "src-docs/en/08-zero-code.md";

  private static DataStores stores;
  private static OtlpReceiver receiver;

  @BeforeAll
  static void startServers() throws Exception {
    stores = Prerequisite.dataStores();
    receiver = OtlpReceiver.start();
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (receiver != null) {
      receiver.close();
    }
    if (stores != null) {
      stores.close();
    }
  }

  /** auto-s2 and auto-s1, as the page starts them, exporting to the receiver over {@code protocol}. */
  private record Pair(ServiceProcess s2, ServiceProcess s1) implements AutoCloseable {

    static Pair start(String protocol) throws Exception {
      ServiceProcess s2 = run("auto-s2", protocol, Map.of());
      try {
        return new Pair(s2, run("auto-s1", protocol, Services.callS2(s2)));
      } catch (Exception e) {
        s2.close();
        throw e;
      }
    }

    private static ServiceProcess run(String service, String protocol, Map<String, String> extra) throws Exception {
      GuideCommand command = GuideCommand.on(PAGE, service);
      assertThat(command.environment()).containsEntry("OTEL_EXPORTER_OTLP_PROTOCOL", ServiceEnvironment.GRPC);
      Map<String, String> environment =
          ServiceEnvironment.onLoopback(0)
              .with(command.environment())
              .exportingTo(receiver, protocol)
              .using(stores)
              .with(extra)
              .toMap();
      return ServiceProcess.run(service, command.words(), GuideCommand.ROOT, environment, Services.START_TIMEOUT);
    }

    @Override
    public void close() throws Exception {
      try {
        s1.close();
      } finally {
        s2.close();
      }
    }
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {ServiceEnvironment.GRPC, ServiceEnvironment.HTTP_PROTOBUF})
  void theAgentTracesRedisTheQueryAndTheCallInOneTrace(String protocol) throws Exception {
    try (Pair pair = Pair.start(protocol)) {
      int exportsBefore = receiver.exports(protocol);
      Set<String> before = traceIds(receiver);

      HttpResponse<String> answer = get(pair.s1(), Map.of());

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      assertThat(answer.body()).isEqualTo("hello world");
      List<ReceivedSpan> trace = awaitTrace(before, Flavour.ZERO_CODE.complete());
      assertThat(receiver.exports(protocol)).as("exports over %s", protocol).isGreaterThan(exportsBefore);

      ReceivedSpan server = only(trace, span -> span.service().equals("auto-s1") && span.kind().equals("SERVER"));
      assertThat(server.isRoot()).isTrue();
      assertThat(server.attributes()).containsEntry("http.request.method", "GET").containsEntry("url.path", "/");
      List<ReceivedSpan> children = trace.stream().filter(span -> span.parentSpanId().equals(server.spanId())).toList();
      ReceivedSpan set = only(children, span -> "SET".equals(span.attributes().get("db.operation.name")));
      ReceivedSpan select = only(children, span -> "mysql".equals(span.attributes().get("db.system.name")));
      ReceivedSpan call = only(children, span -> span.attributes().containsKey("url.full"));
      assertThat(set.kind()).isEqualTo("CLIENT");
      assertThat(set.attributes()).containsEntry("db.system.name", "redis").containsEntry("db.query.text", "SET name ?")
          .containsEntry("server.port", Integer.toString(stores.redis().port()));
      assertThat(select.kind()).isEqualTo("CLIENT");
      assertThat(select.attributes()).containsEntry("db.query.text", "SELECT VERSION()")
          .containsEntry("server.port", Integer.toString(stores.database().port()));
      assertThat(call.kind()).isEqualTo("CLIENT");
      assertThat(call.attributes()).containsEntry("url.full", "http://127.0.0.1:" + pair.s2().port() + "/");
      assertThat(children)
          .as("besides the three calls, only the Redis client's handshake on a new connection")
          .allMatch(span -> span == set || span == select || span == call || "HELLO".equals(span.attributes().get("db.operation.name")));
      assertThat(set.startNanos()).isLessThan(select.startNanos());
      assertThat(select.startNanos()).isLessThan(call.startNanos());
      ReceivedSpan s2Server = only(trace, span -> span.service().equals("auto-s2"));
      assertThat(s2Server.kind()).isEqualTo("SERVER");
      assertThat(s2Server.parentSpanId()).as("auto-s2's span continues the call").isEqualTo(call.spanId());
      assertThat(trace).allMatch(span -> span.status().equals("UNSET"));
      assertThat(pair.s1().output() + pair.s2().output()).doesNotContain("Failed to export");
    }
  }

  @Test
  void redisOrTheDatabaseDownAnswers502WithTheFailureInTheTraceAndTheNextRequestAfterRecoveryWorks() throws Exception {
    try (Pair pair = Pair.start(ServiceEnvironment.GRPC)) {
      assertThat(get(pair.s1(), Map.of()).statusCode()).isEqualTo(200);

      stores.redis().stop();
      try {
        assertFailsWithErrorSpan(pair, "Redis unavailable", stores.redis().port());
      } finally {
        stores.redis().restart();
      }
      assertThat(get(pair.s1(), Map.of()).body()).isEqualTo("hello world");

      stores.database().stop();
      try {
        assertFailsWithErrorSpan(pair, "the database unavailable", stores.database().port());
      } finally {
        stores.database().restart();
      }
      assertThat(get(pair.s1(), Map.of()).body()).isEqualTo("hello world");

      // Once per distinct cause, as DistinctFailures promises: a stopped Redis may first show as
      // its pooled connection closing and then as a refused connection, or only as the latter,
      // depending on how fast the client notices; either way no line comes back per request.
      List<String> failures = pair.s1().output().lines().filter(line -> line.contains("the call to")).toList();
      assertThat(failures)
          .as("each failure logged once per cause, never once per request")
          .doesNotHaveDuplicates()
          .anyMatch(line -> line.contains("the call to Redis failed"))
          .anyMatch(line -> line.contains("the call to the database failed"));
    }
  }

  /**
   * Two requests in a row answer 502 with {@code reason}; the trace of each holds the agent's
   * client span of the failed call to {@code port} with error status: with the server down, the
   * agent's span is the connection attempt ({@code CONNECT}), as no command is ever sent.
   */
  private static void assertFailsWithErrorSpan(Pair pair, String reason, int port) throws Exception {
    Predicate<ReceivedSpan> failedCall =
        span -> span.kind().equals("CLIENT") && span.status().equals("ERROR") && Integer.toString(port).equals(span.attributes().get("server.port"));
    for (int attempt = 0; attempt < 2; attempt++) {
      Set<String> before = traceIds(receiver);
      HttpResponse<String> answer = get(pair.s1(), Map.of());
      assertThat(answer.statusCode()).isEqualTo(502);
      assertThat(answer.body()).isEqualTo(reason);
      List<ReceivedSpan> trace =
          awaitTrace(before, spans -> spans.stream().anyMatch(span -> span.kind().equals("SERVER") && "502".equals(span.attributes().get("http.response.status_code"))));
      assertThat(trace).as("the failed call to port %d, with error status, in %s", port, trace).anyMatch(failedCall);
      assertThat(trace).as("no call to auto-s2 after the failure").noneMatch(span -> span.service().equals("auto-s2"));
    }
  }

  private static List<ReceivedSpan> awaitTrace(Set<String> before, Predicate<List<ReceivedSpan>> complete) throws InterruptedException {
    Predicate<List<ReceivedSpan>> arrived =
        spans -> spans.stream().filter(span -> !before.contains(span.traceId())).map(ReceivedSpan::traceId).distinct()
            .anyMatch(id -> complete.test(spans.stream().filter(span -> span.traceId().equals(id)).toList()));
    assertThat(receiver.await(arrived, Services.TRACE_TIMEOUT)).as("a new trace; received %s", receiver.spans()).isTrue();
    return receiver.traces().entrySet().stream()
        .filter(trace -> !before.contains(trace.getKey()) && complete.test(trace.getValue()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElseThrow();
  }

  private static ReceivedSpan only(List<ReceivedSpan> spans, Predicate<ReceivedSpan> condition) {
    List<ReceivedSpan> matching = spans.stream().filter(condition).toList();
    assertThat(matching).as("one matching span in %s", spans).hasSize(1);
    return matching.get(0);
  }
}
