package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.only;
import static io.opentelemetry.api.common.AttributeKey.booleanArrayKey;
import static io.opentelemetry.api.common.AttributeKey.booleanKey;
import static io.opentelemetry.api.common.AttributeKey.doubleArrayKey;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longArrayKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringArrayKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import dev.traced.SpanAttribute;
import dev.traced.Traced;
import dev.traced.testing.CapturedLog;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({TestTracing.class, CapturedLog.class})
class AttributesTest {

  static class Subject {
    @Traced(value = "s1-span", attributes = {"name=wilson", "addr=cd", "query=a=b", "empty="})
    void staticAttributes() {}

    @Traced(attributes = {"no-equals-sign", "=no key", "good=yes"})
    String malformedStaticAttributes() {
      return "still runs";
    }

    @Traced
    void scalars(
        @SpanAttribute("user.name") String name,
        @SpanAttribute("count") int count,
        @SpanAttribute("boxed") Integer boxed,
        @SpanAttribute("small") short small,
        @SpanAttribute("big") long big,
        @SpanAttribute("ratio") double ratio,
        @SpanAttribute("weight") Float weight,
        @SpanAttribute("active") boolean active,
        @SpanAttribute("day") LocalDate day,
        @SpanAttribute("absent") String absent) {}

    @Traced
    void arrays(
        @SpanAttribute("tags") String[] tags,
        @SpanAttribute("ids") int[] ids,
        @SpanAttribute("longs") Long[] longs,
        @SpanAttribute("scores") double[] scores,
        @SpanAttribute("flags") boolean[] flags,
        @SpanAttribute("names") List<String> names,
        @SpanAttribute("numbers") List<Integer> numbers,
        @SpanAttribute("dates") List<LocalDate> dates) {}

    @Traced("one")
    int oneParameter(@SpanAttribute("a") int a) {
      return a + 1;
    }

    @Traced("two")
    long twoParameters(String notRecorded, @SpanAttribute("b") long b) {
      return b + notRecorded.length();
    }

    @Traced("three")
    String threeParameters(@SpanAttribute("a") double a, boolean notRecorded, @SpanAttribute("c") String c) {
      return a + " " + notRecorded + " " + c;
    }

    @Traced("four")
    char fourParameters(int notRecorded, String notRecordedEither, Object nor, @SpanAttribute("d") char d) {
      return d;
    }

    @Traced
    void namedByParameter(@SpanAttribute String customerId, String notRecorded) {}
  }

  private final Subject subject = new Subject();

  @Test
  void staticAttributesAreKeyValueStrings() {
    subject.staticAttributes();

    assertThat(only())
        .hasName("s1-span")
        .hasAttribute(stringKey("name"), "wilson")
        .hasAttribute(stringKey("addr"), "cd")
        .hasAttribute(stringKey("query"), "a=b")
        .hasAttribute(stringKey("empty"), "");
  }

  @Test
  void malformedStaticAttributesAreSkippedWithoutBreakingTheCall() {
    String result = subject.malformedStaticAttributes();

    org.assertj.core.api.Assertions.assertThat(result).isEqualTo("still runs");
    assertThat(only())
        .hasAttribute(stringKey("good"), "yes")
        .hasAttributesSatisfying(
            attributes -> org.assertj.core.api.Assertions.assertThat(attributes.size()).isEqualTo(2));
    org.assertj.core.api.Assertions.assertThat(CapturedLog.messages())
        .filteredOn(message -> message.contains("malformedStaticAttributes: skipped attribute"))
        .hasSize(2);
  }

  @Test
  void scalarParametersAreTypedByTheirDeclaredType() {
    subject.scalars("wilson", 3, 4, (short) 5, 6L, 0.5, 1.5f, true, LocalDate.of(2026, 11, 21), null);

    assertThat(only())
        .hasAttribute(stringKey("user.name"), "wilson")
        .hasAttribute(longKey("count"), 3L)
        .hasAttribute(longKey("boxed"), 4L)
        .hasAttribute(longKey("small"), 5L)
        .hasAttribute(longKey("big"), 6L)
        .hasAttribute(doubleKey("ratio"), 0.5)
        .hasAttribute(doubleKey("weight"), 1.5)
        .hasAttribute(booleanKey("active"), true)
        .hasAttribute(stringKey("day"), "2026-11-21")
        .hasAttributesSatisfying(
            attributes -> org.assertj.core.api.Assertions.assertThat(attributes.get(stringKey("absent"))).isNull());
  }

  @Test
  void arraysAndListsBecomeTypedArrays() {
    subject.arrays(
        new String[] {"a", "b"},
        new int[] {1, 2},
        new Long[] {3L, null, 4L},
        new double[] {0.25},
        new boolean[] {true, false},
        List.of("x", "y"),
        Arrays.asList(7, null, 8),
        List.of(LocalDate.of(2026, 1, 2)));

    assertThat(only())
        .hasAttribute(stringArrayKey("tags"), List.of("a", "b"))
        .hasAttribute(longArrayKey("ids"), List.of(1L, 2L))
        .hasAttribute(longArrayKey("longs"), List.of(3L, 4L))
        .hasAttribute(doubleArrayKey("scores"), List.of(0.25))
        .hasAttribute(booleanArrayKey("flags"), List.of(true, false))
        .hasAttribute(stringArrayKey("names"), List.of("x", "y"))
        .hasAttribute(longArrayKey("numbers"), List.of(7L, 8L))
        .hasAttribute(stringKey("dates"), "[2026-01-02]");
  }

  /**
   * Up to three parameters, the advice binds the arguments by position; beyond, it reads them from
   * the join point. Either way each attribute gets its own argument, unchanged.
   */
  @Test
  void everyParameterLayoutRecordsItsOwnArguments() {
    org.assertj.core.api.Assertions.assertThat(subject.oneParameter(41)).isEqualTo(42);
    org.assertj.core.api.Assertions.assertThat(subject.twoParameters("xy", 5L)).isEqualTo(7L);
    org.assertj.core.api.Assertions.assertThat(subject.threeParameters(0.5, true, null)).isEqualTo("0.5 true null");
    org.assertj.core.api.Assertions.assertThat(subject.fourParameters(1, "x", null, 'z')).isEqualTo('z');

    assertThat(TestTracing.named("one")).hasAttribute(longKey("a"), 41L);
    assertThat(TestTracing.named("two"))
        .hasAttribute(longKey("b"), 5L)
        .hasAttributesSatisfying(
            attributes -> org.assertj.core.api.Assertions.assertThat(attributes.asMap().values()).doesNotContain("xy"));
    assertThat(TestTracing.named("three"))
        .hasAttribute(doubleKey("a"), 0.5)
        .hasAttributesSatisfying(
            attributes -> org.assertj.core.api.Assertions.assertThat(attributes.get(stringKey("c"))).isNull());
    assertThat(TestTracing.named("four")).hasAttribute(stringKey("d"), "z");
    org.assertj.core.api.Assertions.assertThat(TestTracing.spans()).hasSize(4);
  }

  @Test
  void anEmptyNameMeansTheParameterName() {
    subject.namedByParameter("c-42", "secret");

    assertThat(only())
        .hasAttribute(stringKey("customerId"), "c-42")
        .hasAttributesSatisfying(
            attributes ->
                org.assertj.core.api.Assertions.assertThat(attributes.asMap().values()).doesNotContain("secret"));
  }
}
