package dev.traced.sample;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.harness.FreePorts;
import dev.traced.sample.harness.OtlpReceiver;
import dev.traced.sample.harness.ServiceProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mistake in a service's settings is one line naming the setting and what it accepts, and exit
 * code 2, before the service starts; a service says at start-up whether {@code @Traced} is woven;
 * a failing s2 is logged once, not once per request.
 */
class StartupMessagesIT {

  /** One of each path: the service's own check, the check of OTEL_* variables, and the SDK's own (ServiceSettingsTest has the rest). */
  static Stream<Arguments> badSettings() {
    return Stream.of(
        Arguments.of("s1", "S2_ADDR", "localhost:20000", "S2_ADDR must be an http:// or https:// URL"),
        Arguments.of("s1", "OTEL_EXPORTER_OTLP_ENDPOINT", "garbage", "OTEL_EXPORTER_OTLP_ENDPOINT=\"garbage\" is not a URL"),
        Arguments.of("s1", "OTEL_TRACES_SAMPLER_ARG", "half", "OpenTelemetry configuration: "),
        Arguments.of("auto-s1", "REDIS_PORT", "six", "REDIS_PORT must be a number, not \"six\""));
  }

  @ParameterizedTest(name = "{0}: {1}={2}")
  @MethodSource("badSettings")
  void aBadSettingIsOneLineAndExitCodeTwo(String service, String variable, String value, String expected) throws Exception {
    Map<String, String> environment =
        variable.equals("OTEL_TRACES_SAMPLER_ARG")
            ? Map.of(variable, value, "OTEL_TRACES_SAMPLER", "traceidratio")
            : Map.of(variable, value);
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-javaagent:" + Services.SAMPLE_JAR.resolveSibling("aspectjweaver.jar"),
                "-jar",
                Services.SAMPLE_JAR.toString(),
                service)
            .redirectErrorStream(true);
    builder.environment().putAll(Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(process.exitValue()).as(output).isEqualTo(2);
    assertThat(output.lines().toList()).as(output).hasSize(1);
    assertThat(output).startsWith(service + ": ").contains(expected);
  }

  @Test
  void aZeroCodeServiceWithoutTheJavaAgentSaysItMakesNoSpansAndStillAnswers() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ServiceProcess autoS2 = Services.start("auto-s2", receiver, Map.of())) {
      assertThat(Services.get(autoS2, Map.of()).body()).isEqualTo("hello world");
      assertThat(autoS2.output().lines().filter(line -> line.startsWith("auto-s2: ")))
          .containsExactly(
              "auto-s2: started without the OpenTelemetry Java agent, and has no tracing code of its own, so it makes no spans:"
                  + " add -javaagent:opentelemetry-javaagent.jar");
    }
  }

  @Test
  void aFailingS2IsLoggedOnceWhateverTheNumberOfRequests() throws Exception {
    String nothingListens = "http://127.0.0.1:" + FreePorts.freePort();
    try (OtlpReceiver receiver = OtlpReceiver.start();
        ServiceProcess s1 = Services.start("s1", receiver, Map.of("S2_ADDR", nothingListens))) {
      for (int request = 0; request < 5; request++) {
        var answer = Services.get(s1, Map.of());
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(answer.body()).isEqualTo("s2 unavailable");
      }
      s1.stop();
      assertThat(s1.output().lines().filter(line -> line.contains("the call to s2 failed")))
          .as(s1.output())
          .singleElement()
          .asString()
          .contains("Connection refused");
      assertThat(s1.output()).doesNotContain("\tat ");
    }
  }

  @Test
  void aServiceSaysAtStartUpWhetherTracedMethodsAreWoven() throws Exception {
    Map<String, String> environment = Map.of("PORT", "0", "BIND_ADDRESS", "127.0.0.1", "OTEL_TRACES_EXPORTER", "none");
    try (ServiceProcess woven = ServiceProcess.start(Services.SAMPLE_JAR, "s2", environment, Services.START_TIMEOUT);
        ServiceProcess unwoven = ServiceProcess.launch(Services.SAMPLE_JAR, List.of(), "s2", environment, Services.START_TIMEOUT)) {
      assertThat(woven.output()).contains("s2: @Traced methods are woven (load-time weaving is active)");
      assertThat(unwoven.output())
          .contains("s2: @Traced methods are not woven: start with -javaagent:aspectjweaver.jar to trace them");
    }
  }
}
