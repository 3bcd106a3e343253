package dev.traced.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExclusionsTest {

  @Test
  void aClassExcludesEveryMethodAndAMethodEveryOverload() {
    Exclusions exclusions = Exclusions.parse(new Setting("TRACED_EXCLUDE", " com.acme.Orders , com.acme.Billing$Line#total "));

    assertThat(exclusions.excludes("com.acme.Orders", "place")).isTrue();
    assertThat(exclusions.excludes("com.acme.Billing$Line", "total")).isTrue();
    assertThat(exclusions.excludes("com.acme.Billing$Line", "add")).isFalse();
    assertThat(exclusions.excludes("com.acme.OrdersTest", "place")).isFalse();
    assertThat(exclusions.excludes("com.acme", "Orders")).isFalse();
  }

  @Test
  void nothingSetExcludesNothing() {
    assertThat(Exclusions.parse(new Setting("TRACED_EXCLUDE", null)).excludes("com.acme.Orders", "place")).isFalse();
    assertThat(Exclusions.parse(new Setting("TRACED_EXCLUDE", " ")).excludes("com.acme.Orders", "place")).isFalse();
  }

  @Test
  void wildcardsAreNotPatternsButMistakes() {
    Exclusions exclusions = Exclusions.parse(new Setting("TRACED_EXCLUDE", "com.acme.*,com.acme.Orders#pl*"));

    assertThat(exclusions.excludes("com.acme.Orders", "place")).isFalse();
  }
}
