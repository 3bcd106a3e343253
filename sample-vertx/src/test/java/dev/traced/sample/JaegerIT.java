package dev.traced.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.harness.DataStores;
import dev.traced.sample.harness.Flavour;
import dev.traced.sample.harness.FreePorts;
import dev.traced.sample.harness.ServiceEnvironment;
import dev.traced.sample.harness.ServiceProcess;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * s1 → s2, decorator-s1 → s2 and auto-s1 → auto-s2 exporting to a real Jaeger v2 (built by tools/build), over
 * OTLP/HTTP and OTLP/gRPC; each trace is read back by id from Jaeger's query API and checked as a
 * tree. The demo's printed Jaeger links lead to their traces.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class JaegerIT {

  private static final Duration ARRIVAL = Duration.ofSeconds(30);
  private static final Pattern LINK = Pattern.compile("^  jaeger: (\\S+/trace/([0-9a-f]{32}))$", Pattern.MULTILINE);

  private static Jaeger jaeger;

  @BeforeAll
  static void startJaeger() throws Exception {
    jaeger = Jaeger.start();
  }

  @AfterAll
  static void stopJaeger() throws Exception {
    if (jaeger != null) {
      jaeger.close();
    }
  }

  /** A caller's {@code traceparent}, so that the test knows the trace id before Jaeger does. */
  record Caller(String traceId, String spanId) {
    static Caller random() {
      HexFormat hex = HexFormat.of();
      ThreadLocalRandom random = ThreadLocalRandom.current();
      return new Caller(hex.toHexDigits(random.nextLong() | 1) + hex.toHexDigits(random.nextLong()), hex.toHexDigits(random.nextLong() | 1));
    }

    Map<String, List<String>> headers() {
      return Map.of("traceparent", List.of("00-" + traceId + "-" + spanId + "-01"));
    }
  }

  @ParameterizedTest(name = "OTLP {0}")
  @ValueSource(strings = {"http/protobuf", "grpc"})
  void bothFlavoursArriveInJaegerAsWholeTrees(String protocol) throws Exception {
    String endpoint = protocol.equals("grpc") ? jaeger.otlpGrpc() : jaeger.otlpHttp();
    Map<String, String> settings = Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", protocol);
    try (ServiceProcess s2 = Services.start("s2", endpoint, settings, List.of());
        ServiceProcess s1 = Services.start("s1", endpoint, with(settings, Services.callS2(s2)), List.of());
        ServiceProcess decorator = Services.start("decorator-s1", endpoint, with(settings, Services.callS2(s2)), List.of())) {
      Caller toS1 = Caller.random();
      Caller toDecorator = Caller.random();
      assertThat(Services.get(s1, toS1.headers()).body()).isEqualTo("hello world 1");
      assertThat(Services.get(decorator, toDecorator.headers()).body()).isEqualTo("hello world 1");

      List<Jaeger.Span> manual = jaeger.awaitTrace(toS1.traceId(), 5, ARRIVAL);
      assertThat(manual).as("trace %s in Jaeger", toS1.traceId()).hasSize(5);
      Jaeger.Span s1Span = only(manual, "s1-span");
      assertThat(s1Span).extracting(Jaeger.Span::service, Jaeger.Span::kind, Jaeger.Span::parentSpanId)
          .containsExactly("s1", "server", toS1.spanId());
      assertThat(s1Span.tags()).containsEntry("name", "wilson").containsEntry("addr", "cd");
      assertThat(only(manual, "s1-span-db")).extracting(Jaeger.Span::service, Jaeger.Span::parentSpanId)
          .containsExactly("s1", s1Span.spanId());
      assertThat(only(manual, "s2-span")).extracting(Jaeger.Span::service, Jaeger.Span::kind, Jaeger.Span::parentSpanId)
          .containsExactly("s2", "server", s1Span.spanId());

      List<Jaeger.Span> traced = jaeger.awaitTrace(toDecorator.traceId(), 5, ARRIVAL);
      assertThat(traced).as("trace %s in Jaeger", toDecorator.traceId()).hasSize(5);
      Jaeger.Span phaseOne = only(traced, "phase-1");
      assertThat(phaseOne).extracting(Jaeger.Span::service, Jaeger.Span::kind, Jaeger.Span::parentSpanId)
          .containsExactly("decoration-s1", "internal", toDecorator.spanId());
      assertThat(phaseOne.tags())
          .containsEntry("s2.answer", "hello world 2")
          .containsEntry("code.function.name", "dev.traced.sample.services.Phases.phaseOne")
          .containsEntry("otel.scope.name", "dev.traced");
      assertThat(only(traced, "phase-2").parentSpanId()).isEqualTo(phaseOne.spanId());
      assertThat(only(traced, "s2-span")).extracting(Jaeger.Span::service, Jaeger.Span::parentSpanId)
          .containsExactly("s2", phaseOne.spanId());
      for (List<Jaeger.Span> trace : List.of(manual, traced)) {
        Jaeger.Span send = only(trace, "send s2.hello");
        assertThat(send).extracting(Jaeger.Span::service, Jaeger.Span::kind, Jaeger.Span::parentSpanId)
            .containsExactly("s2", "producer", only(trace, "s2-span").spanId());
        assertThat(only(trace, "process s2.hello")).extracting(Jaeger.Span::service, Jaeger.Span::kind, Jaeger.Span::parentSpanId)
            .containsExactly("s2", "consumer", send.spanId());
      }
    }
  }

  @Test
  void theDemosJaegerLinksLeadToItsTraces() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", Services.SAMPLE_JAR.toString(), "demo")
            .redirectErrorStream(true);
    builder.environment().put("S1_PORT", Integer.toString(FreePorts.freePort()));
    builder.environment().put("S2_PORT", Integer.toString(FreePorts.freePort()));
    builder.environment().put("OTEL_EXPORTER_OTLP_ENDPOINT", jaeger.otlpHttp());
    builder.environment().put("JAEGER_UI", jaeger.ui());
    Process demo = builder.start();
    String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(demo.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(demo.exitValue()).as(output).isZero();

    Matcher link = LINK.matcher(output);
    Map<String, List<String>> servicesByTrace = new HashMap<>();
    while (link.find()) {
      // The page the link opens: a module build of Jaeger serves a placeholder in place of the UI.
      assertThat(jaeger.get(URI.create(link.group(1)).getPath()).statusCode()).isEqualTo(200);
      List<Jaeger.Span> spans = jaeger.awaitTrace(link.group(2), 3, ARRIVAL);
      servicesByTrace.put(link.group(2), spans.stream().map(Jaeger.Span::service).distinct().sorted().toList());
      assertThat(link.group(1)).startsWith(jaeger.ui() + "/trace/");
    }
    List<List<String>> expected = new ArrayList<>(List.of(List.of("s1", "s2"), List.of("decoration-s1", "s2")));
    if (DataStores.missing().isEmpty()) {
      expected.add(List.of("auto-s1", "auto-s2"));
    }
    assertThat(servicesByTrace.values()).as(output).containsExactlyInAnyOrderElementsOf(expected);
  }

  @ParameterizedTest(name = "OTLP {0}")
  @ValueSource(strings = {"http/protobuf", "grpc"})
  void theZeroCodeFlavourArrivesInJaegerAsAWholeTree(String protocol) throws Exception {
    String endpoint = protocol.equals("grpc") ? jaeger.otlpGrpc() : jaeger.otlpHttp();
    try (DataStores stores = Prerequisite.dataStores();
        ServiceProcess s2 = startZeroCode("auto-s2", ServiceEnvironment.onLoopback(0).exportingTo(endpoint, protocol));
        ServiceProcess s1 = startZeroCode("auto-s1", ServiceEnvironment.onLoopback(0).exportingTo(endpoint, protocol).callingS2(s2.port()).using(stores))) {
      Caller caller = Caller.random();
      assertThat(Services.get(s1, caller.headers()).body()).isEqualTo("hello world");

      // The request, the Redis handshake of the first connection, SET, SELECT, the call, and auto-s2's request.
      List<Jaeger.Span> trace = jaeger.awaitTrace(caller.traceId(), 6, ARRIVAL);
      Jaeger.Span server = onlyWhere(trace, span -> span.service().equals("auto-s1") && span.kind().equals("server"));
      assertThat(server.parentSpanId()).isEqualTo(caller.spanId());
      List<Jaeger.Span> calls = trace.stream().filter(span -> span.parentSpanId().equals(server.spanId())).toList();
      assertThat(calls).allMatch(span -> span.kind().equals("client"));
      assertThat(onlyWhere(calls, span -> "SET".equals(span.tags().get("db.operation.name"))).tags()).containsEntry("db.system.name", "redis");
      assertThat(onlyWhere(calls, span -> "mysql".equals(span.tags().get("db.system.name"))).tags()).containsEntry("db.query.text", "SELECT VERSION()");
      Jaeger.Span call = onlyWhere(calls, span -> span.tags().containsKey("url.full"));
      assertThat(onlyWhere(trace, span -> span.service().equals("auto-s2")))
          .extracting(Jaeger.Span::kind, Jaeger.Span::parentSpanId)
          .containsExactly("server", call.spanId());
    }
  }

  private static ServiceProcess startZeroCode(String service, ServiceEnvironment environment) throws Exception {
    return ServiceProcess.start(Services.SAMPLE_JAR, Flavour.ZERO_CODE, service, environment.toMap(), Services.START_TIMEOUT);
  }

  private static Jaeger.Span onlyWhere(List<Jaeger.Span> spans, java.util.function.Predicate<Jaeger.Span> condition) {
    List<Jaeger.Span> matching = spans.stream().filter(condition).toList();
    assertThat(matching).as("one matching span in %s", spans).hasSize(1);
    return matching.get(0);
  }

  private static Jaeger.Span only(List<Jaeger.Span> spans, String name) {
    List<Jaeger.Span> named = spans.stream().filter(span -> span.name().equals(name)).toList();
    assertThat(named).as("spans named %s in %s", name, spans).hasSize(1);
    return named.get(0);
  }

  private static Map<String, String> with(Map<String, String> settings, Map<String, String> more) {
    Map<String, String> all = new HashMap<>(settings);
    all.putAll(more);
    return all;
  }
}
