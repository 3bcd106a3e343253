package dev.traced.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.harness.OtlpReceiver;
import dev.traced.sample.harness.ReceivedSpan;
import dev.traced.sample.harness.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad trace headers sent to s1 and to s2: each request answers normally, an invalid parent starts
 * a new trace, a bad {@code tracestate} or {@code baggage} is ignored, nothing of the headers ends
 * up in span attributes, and the services log no error, no stack trace, and no warning per request
 * (at most one line, once).
 */
class HostileHeadersIT {

  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String SPAN_ID = "00f067aa0ba902b7";
  private static final String VALID = "traceparent: 00-" + TRACE_ID + "-" + SPAN_ID + "-01";
  /** Put in every hostile value, so that a copy of one in a span attribute shows. */
  private static final String MARKER = "zz9";

  private static OtlpReceiver receiver;
  private static ServiceProcess s1;
  private static ServiceProcess s2;

  /** A request's trace headers, and whether its span should continue the valid caller trace. */
  record Case(String name, List<String> headers, boolean continuesCaller) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    String tracestate33 =
        IntStream.range(0, 33).mapToObj(i -> "k" + i + "=" + MARKER).collect(Collectors.joining(","));
    return Stream.of(
        new Case("valid traceparent (control)", List.of(VALID), true),
        new Case("unknown version ff", List.of("traceparent: ff-" + TRACE_ID + "-" + SPAN_ID + "-01"), false),
        new Case("uppercase hex", List.of("traceparent: 00-" + TRACE_ID.toUpperCase() + "-" + SPAN_ID.toUpperCase() + "-01"), false),
        new Case("all-zero trace id", List.of("traceparent: 00-" + "0".repeat(32) + "-" + SPAN_ID + "-01"), false),
        new Case("all-zero span id", List.of("traceparent: 00-" + TRACE_ID + "-" + "0".repeat(16) + "-01"), false),
        new Case("bad flags", List.of("traceparent: 00-" + TRACE_ID + "-" + SPAN_ID + "-" + "x9"), false),
        new Case("extra field in version 00", List.of("traceparent: 00-" + TRACE_ID + "-" + SPAN_ID + "-01-" + MARKER), false),
        new Case("short trace id", List.of("traceparent: 00-" + TRACE_ID.substring(2) + "-" + SPAN_ID + "-01"), false),
        new Case("non-ASCII traceparent", List.of("traceparent: 00-" + TRACE_ID.substring(1) + "é-" + SPAN_ID + "-01"), false),
        new Case("traceparent of 7 KB", List.of("traceparent: 00-" + TRACE_ID + "-" + SPAN_ID + "-01" + "-" + MARKER.repeat(2300)), false),
        new Case("duplicated traceparent", List.of(VALID, "traceparent: 00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01"), false),
        new Case("tracestate over 512 characters", List.of(VALID, "tracestate: k=" + MARKER.repeat(200)), true),
        new Case("tracestate with 33 entries", List.of(VALID, "tracestate: " + tracestate33), true),
        new Case("tracestate with invalid keys", List.of(VALID, "tracestate: UPPER=" + MARKER + ",@@@=" + MARKER + ",=x"), true),
        new Case("non-ASCII tracestate", List.of(VALID, "tracestate: k=" + MARKER + "ü"), true),
        new Case("malformed baggage", List.of(VALID, "baggage: " + MARKER + "=a=b;;;,,=,%%%," + MARKER + "%zz"), true),
        new Case("baggage with an undecodable percent-escape", List.of(VALID, "baggage: " + MARKER + "=%zz"), true),
        new Case("baggage mixing good and undecodable members", List.of(VALID, "baggage: a=1,b=" + MARKER + "%zz;p=1,c=%%,d=%4"), true),
        new Case("repeated baggage headers, one undecodable", List.of(VALID, "baggage: a=1", "baggage: b=%" + MARKER), true),
        new Case("baggage without traceparent", List.of("baggage: user=" + MARKER), false));
  }

  @BeforeAll
  static void startServices() throws Exception {
    receiver = OtlpReceiver.start();
    s2 = Services.start("s2", receiver, Map.of());
    s1 = Services.start("s1", receiver, Services.callS2(s2));
  }

  @AfterAll
  static void stopServices() throws Exception {
    try {
      if (s1 != null) {
        s1.stop();
      }
      if (s2 != null) {
        s2.stop();
      }
      for (ServiceProcess service : new ServiceProcess[] {s1, s2}) {
        // Whatever the headers, nothing per request: no stack trace, no warning but one line, once.
        assertThat(service.output()).doesNotContain("SEVERE", "ERROR", "Exception", "\tat ", "Skipping invalid baggage");
        assertThat(service.output().lines().filter(line -> line.startsWith("WARNING")))
            .as("warnings of %s", service.name())
            .hasSizeLessThanOrEqualTo(1);
      }
      assertThat(receiver.spans())
          .allSatisfy(span -> assertThat(span.attributes().values()).noneMatch(value -> value.contains(MARKER)));
    } finally {
      receiver.close();
    }
  }

  @ParameterizedTest(name = "s1: {0}")
  @MethodSource("cases")
  void s1AnswersAndTracesSafely(Case hostile) throws Exception {
    answersAndTracesSafely(s1, "s1-span", hostile);
  }

  @ParameterizedTest(name = "s2: {0}")
  @MethodSource("cases")
  void s2AnswersAndTracesSafely(Case hostile) throws Exception {
    answersAndTracesSafely(s2, "s2-span", hostile);
  }

  @Test
  void aMegabyteTraceparentIsRefusedByTheServerAndServiceGoesOn() throws Exception {
    for (ServiceProcess service : List.of(s1, s2)) {
      RawHttp.Response refused = RawHttp.get(service.port(), List.of("traceparent: 00-" + "a".repeat(1 << 20)));
      assertThat(refused.status()).as("answer to a 1 MB header").isEqualTo(431);
      assertThat(RawHttp.get(service.port(), List.of(VALID)).status()).isEqualTo(200);
    }
  }

  private static void answersAndTracesSafely(ServiceProcess service, String spanName, Case hostile) throws Exception {
    List<String> before = receiver.spans().stream().map(ReceivedSpan::spanId).toList();

    RawHttp.Response response = RawHttp.get(service.port(), hostile.headers());

    assertThat(response.status()).as("status, body %s", response.body()).isEqualTo(200);
    assertThat(response.body()).doesNotContain(MARKER);
    Optional<ReceivedSpan> span = awaitNewSpan(spanName, before);
    assertThat(span).as("the request's %s", spanName).isPresent();
    if (hostile.continuesCaller()) {
      assertThat(span.get().traceId()).isEqualTo(TRACE_ID);
      assertThat(span.get().parentSpanId()).isEqualTo(SPAN_ID);
    } else {
      assertThat(span.get().isRoot()).as("starts a new trace: %s", span.get()).isTrue();
      assertThat(span.get().traceId()).isNotEqualTo(TRACE_ID).isNotEqualTo("1".repeat(32));
    }
    if (service == s1) {
      // s1 calls s2: wait for that span too, so that no span of this case arrives during the next.
      String traceId = span.get().traceId();
      assertThat(receiver.await(spans -> spans.stream().anyMatch(s -> s.traceId().equals(traceId) && s.name().equals("s2-span")), Duration.ofSeconds(30)))
          .isTrue();
    }
  }

  private static Optional<ReceivedSpan> awaitNewSpan(String name, List<String> before) throws InterruptedException {
    receiver.await(spans -> newSpan(spans, name, before).isPresent(), Duration.ofSeconds(30));
    return newSpan(receiver.spans(), name, before);
  }

  private static Optional<ReceivedSpan> newSpan(List<ReceivedSpan> spans, String name, List<String> before) {
    List<ReceivedSpan> fresh = new ArrayList<>();
    for (ReceivedSpan span : spans) {
      if (span.name().equals(name) && !before.contains(span.spanId())) {
        fresh.add(span);
      }
    }
    return fresh.stream().findFirst();
  }
}
