package dev.traced.sample;

import static dev.traced.sample.Services.get;
import static dev.traced.sample.Services.traceIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.harness.Flavour;
import dev.traced.sample.harness.OtlpReceiver;
import dev.traced.sample.harness.ReceivedSpan;
import dev.traced.sample.harness.ServiceEnvironment;
import dev.traced.sample.harness.ServiceProcess;
import dev.traced.sample.services.ServiceNames;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * s1/s2 and decorator-s1/s2 export whole traces over both OTLP transports the README offers,
 * OTLP/HTTP and OTLP/gRPC ({@code OTEL_EXPORTER_OTLP_PROTOCOL=grpc}), to the demo's receiver; the
 * zero-code pair is proven over both in {@link ZeroCodeIT}, and all of them against a real Jaeger
 * in {@link JaegerIT}.
 */
class OtlpProtocolsIT {

  static Stream<Arguments> flavoursAndProtocols() {
    return Stream.of(Flavour.HAND_WRITTEN, Flavour.DECORATOR)
        .flatMap(flavour -> Stream.of(ServiceEnvironment.HTTP_PROTOBUF, ServiceEnvironment.GRPC).map(protocol -> Arguments.of(flavour, protocol)));
  }

  @ParameterizedTest(name = "{0} over {1}")
  @MethodSource("flavoursAndProtocols")
  void aRequestsTraceArrivesWholeOverTheChosenProtocolOnly(Flavour flavour, String protocol) throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ServiceProcess s2 = start(flavour, flavour.s2(), ServiceEnvironment.onLoopback(0).exportingTo(receiver, protocol));
        ServiceProcess s1 = start(flavour, flavour.s1(), ServiceEnvironment.onLoopback(0).exportingTo(receiver, protocol).callingS2(s2.port()))) {
      Set<String> before = traceIds(receiver);

      assertThat(get(s1, Map.of()).body()).isEqualTo(flavour.answer());

      boolean arrived =
          receiver.await(spans -> receiver.traces().values().stream().anyMatch(flavour.complete()), Services.TRACE_TIMEOUT);
      assertThat(arrived).as("a whole trace of %s; received %s", flavour, receiver.spans()).isTrue();
      List<List<ReceivedSpan>> traces = receiver.traces().entrySet().stream().filter(trace -> !before.contains(trace.getKey())).map(Map.Entry::getValue).toList();
      assertThat(traces).as("one trace for one request").hasSize(1);
      assertThat(traces.get(0)).extracting(ReceivedSpan::service)
          .containsOnly(ServiceNames.forCommand(flavour.s1()), ServiceNames.forCommand(flavour.s2()));
      String other = protocol.equals(ServiceEnvironment.GRPC) ? ServiceEnvironment.HTTP_PROTOBUF : ServiceEnvironment.GRPC;
      assertThat(receiver.exports(protocol)).as("exports over %s", protocol).isPositive();
      assertThat(receiver.exports(other)).as("exports over %s", other).isZero();
    }
  }

  private static ServiceProcess start(Flavour flavour, String service, ServiceEnvironment environment) throws Exception {
    return ServiceProcess.start(Services.SAMPLE_JAR, flavour, service, environment.toMap(), Services.START_TIMEOUT);
  }
}
