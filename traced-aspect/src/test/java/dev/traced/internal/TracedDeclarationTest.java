package dev.traced.internal;

import static dev.traced.internal.TracedDeclaration.isMemberEveryRecordOrEnumHas;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TracedDeclarationTest {

  record Sku(String code) {
    @Override
    public String toString() {
      return code;
    }

    public boolean equals(Sku other) {
      return other.code.equals(code);
    }

    public String label() {
      return code;
    }
  }

  enum Size {
    SMALL;

    static Size valueOf(int ordinal) {
      return values()[ordinal];
    }
  }

  static final class Plain {
    @Override
    public String toString() {
      return "plain";
    }
  }

  @Test
  void theMembersEveryRecordHasWrittenOutOrGenerated() throws Exception {
    assertThat(isMemberEveryRecordOrEnumHas(Sku.class.getMethod("code"))).isTrue();
    assertThat(isMemberEveryRecordOrEnumHas(Sku.class.getMethod("toString"))).isTrue();
    assertThat(isMemberEveryRecordOrEnumHas(Sku.class.getMethod("hashCode"))).isTrue();
    assertThat(isMemberEveryRecordOrEnumHas(Sku.class.getMethod("equals", Object.class))).isTrue();

    assertThat(isMemberEveryRecordOrEnumHas(Sku.class.getMethod("equals", Sku.class))).isFalse();
    assertThat(isMemberEveryRecordOrEnumHas(Sku.class.getMethod("label"))).isFalse();
  }

  @Test
  void theMembersEveryEnumHas() throws Exception {
    assertThat(isMemberEveryRecordOrEnumHas(Size.class.getMethod("values"))).isTrue();
    assertThat(isMemberEveryRecordOrEnumHas(Size.class.getMethod("valueOf", String.class))).isTrue();

    assertThat(isMemberEveryRecordOrEnumHas(Size.class.getDeclaredMethod("valueOf", int.class))).isFalse();
  }

  @Test
  void nothingOfAnOrdinaryClass() throws Exception {
    assertThat(isMemberEveryRecordOrEnumHas(Plain.class.getMethod("toString"))).isFalse();
    assertThat(isMemberEveryRecordOrEnumHas(Plain.class.getMethod("hashCode"))).isFalse();
  }
}
