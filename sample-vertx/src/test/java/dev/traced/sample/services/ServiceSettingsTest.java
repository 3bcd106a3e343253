package dev.traced.sample.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each bad setting is one line naming it and what it accepts (StartupMessagesIT runs a few as processes). */
class ServiceSettingsTest {

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "PORT|abc|PORT must be a number, not \"abc\"",
        "PORT|70000|PORT must be between 0 and 65535, not 70000",
        "S2_ADDR|notaurl|S2_ADDR must be an http:// or https:// URL such as http://localhost:20000, not \"notaurl\"",
        "S2_ADDR|localhost:20000|S2_ADDR must be an http:// or https:// URL such as http://localhost:20000, not \"localhost:20000\"",
        "OTEL_EXPORTER_OTLP_ENDPOINT|localhost:4318|OTEL_EXPORTER_OTLP_ENDPOINT=\"localhost:4318\" is not a URL: use http://host:port or https://host:port, such as http://localhost:4318 (OTLP/HTTP) or http://localhost:4317 (gRPC)",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT|garbage|OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=\"garbage\" is not a URL: use http://host:port or https://host:port, such as http://localhost:4318 (OTLP/HTTP) or http://localhost:4317 (gRPC)",
        "OTEL_EXPORTER_OTLP_PROTOCOL|bogus|OTEL_EXPORTER_OTLP_PROTOCOL=\"bogus\" is not supported: use one of http/protobuf, grpc",
        "REDIS_PORT|six|REDIS_PORT must be a number, not \"six\"",
        "REDIS_PORT|0|REDIS_PORT must be between 1 and 65535, not 0",
        "MYSQL_PORT|99999|MYSQL_PORT must be between 1 and 65535, not 99999",
        "REDIS_HOST|redis://localhost|REDIS_HOST must be a host name or an IP address, not \"redis://localhost\"",
        "MYSQL_HOST|db host|MYSQL_HOST must be a host name or an IP address, not \"db host\"",
        "OTEL_TRACES_SAMPLER|bogus|OTEL_TRACES_SAMPLER=\"bogus\" is not supported: use one of always_on, always_off, traceidratio, parentbased_always_on, parentbased_always_off, parentbased_traceidratio"
      })
  void aBadSettingIsOneLineNamingItAndWhatItAccepts(String variable, String value, String message) {
    assertThatThrownBy(() -> ServiceSettings.from(Map.of(variable, value), 10000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void goodSettingsAreRead() {
    ServiceSettings settings =
        ServiceSettings.from(
            Map.of(
                "PORT", "0",
                "S2_ADDR", "https://s2.example:8443/",
                "OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317",
                "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
                "OTEL_TRACES_SAMPLER", "parentbased_traceidratio"),
            10000);
    assertThat(settings)
        .isEqualTo(
            new ServiceSettings(
                "0.0.0.0", 0, "https://s2.example:8443", new DataStoreSettings("localhost", 6379, "localhost", 3306, "root", "123456")));
  }

  @Test
  void dataStoreSettingsAreRead() {
    ServiceSettings settings =
        ServiceSettings.from(
            Map.of(
                "REDIS_HOST", "127.0.0.1",
                "REDIS_PORT", "6380",
                "MYSQL_HOST", "db.example",
                "MYSQL_PORT", " 3307 ",
                "MYSQL_USER", "traced",
                "MYSQL_PASSWORD", ""),
            20000);
    assertThat(settings.dataStores()).isEqualTo(new DataStoreSettings("127.0.0.1", 6380, "db.example", 3307, "traced", ""));
  }
}
