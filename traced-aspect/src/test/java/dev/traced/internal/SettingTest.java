package dev.traced.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.testing.StandardError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingTest {

  @ParameterizedTest
  @ValueSource(strings = {"true", "1", "on", "yes", "TRUE", " On ", "Yes"})
  void onSpellings(String setting) {
    assertThat(new Setting("-Dx", setting).flag(false, "")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "0", "off", "no", "FALSE", " Off ", "NO"})
  void offSpellings(String setting) {
    assertThat(new Setting("-Dx", setting).flag(false, "")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void blankIsUnset(String setting) {
    assertThat(new Setting("-Dx", setting).flag(true, "")).isTrue();
    assertThat(new Setting("-Dx", setting).flag(false, "")).isFalse();
  }

  @Test
  void onWhenNothingIsSet() {
    assertThat(TracingSwitch.isEnabled(null, null)).isTrue();
  }

  @Test
  void theSystemPropertyWinsOverTheEnvironment() {
    assertThat(TracingSwitch.isEnabled("true", "false")).isTrue();
    assertThat(TracingSwitch.isEnabled("off", "true")).isFalse();
    assertThat(TracingSwitch.isEnabled(null, "0")).isFalse();
  }

  @Test
  void anythingElseIsReportedInOneLineNamingTheSettingAndLeavesTracingOn() {
    assertThat(StandardError.of(() -> assertThat(TracingSwitch.isEnabled(null, "maybe")).isTrue()))
        .isEqualTo(
            "traced: TRACED_ENABLED=\"maybe\" is not understood (use true/false, 1/0, on/off or yes/no);"
                + " tracing stays on\n");
    assertThat(StandardError.of(() -> assertThat(TracingSwitch.isEnabled("nope", "false")).isTrue()))
        .startsWith("traced: -Dtraced.enabled=\"nope\" is not understood")
        .hasLineCount(1);
  }
}
