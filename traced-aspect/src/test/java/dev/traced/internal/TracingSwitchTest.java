package dev.traced.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TracingSwitchTest {

  @Test
  void onUnlessSetToFalse() {
    assertThat(TracingSwitch.isEnabled(null, null)).isTrue();
    assertThat(TracingSwitch.isEnabled("true", null)).isTrue();
    assertThat(TracingSwitch.isEnabled("anything", null)).isTrue();
    assertThat(TracingSwitch.isEnabled("false", null)).isFalse();
    assertThat(TracingSwitch.isEnabled(" FALSE ", null)).isFalse();
    assertThat(TracingSwitch.isEnabled(null, "false")).isFalse();
  }

  @Test
  void theSystemPropertyWinsOverTheEnvironment() {
    assertThat(TracingSwitch.isEnabled("true", "false")).isTrue();
    assertThat(TracingSwitch.isEnabled("false", "true")).isFalse();
  }
}
