package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.only;
import static dev.traced.weaving.TestTracing.spans;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.CurrentSpan;
import dev.traced.SpanAttribute;
import dev.traced.Traced;
import dev.traced.testing.CapturedLog;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith({TestTracing.class, CapturedLog.class})
class CurrentSpanTest {

  static class Checkout {
    @Traced("checkout")
    String checkout(String order) {
      return reserve(order, 3) + " " + audit(order, 1, 2, 3, "four");
    }

    @CurrentSpan(result = "reserved")
    String reserve(@SpanAttribute("order.id") String order, @SpanAttribute("order.items") int items) {
      return "r-" + order + "-" + items;
    }

    @CurrentSpan
    String audit(@SpanAttribute("audit.order") String order, int a, int b, int c, @SpanAttribute("audit.note") String note) {
      return "audited";
    }

    @Traced("both")
    @CurrentSpan(result = "ignored")
    String both(@SpanAttribute("both.input") String input) {
      return input;
    }
  }

  static class Mistakes {
    @Traced(value = "linked-without-new-trace", linkCaller = true)
    void linkedWithoutNewTrace() {}

    @Traced(value = "void-result", result = "nothing")
    void voidResult() {}

    @CurrentSpan(result = "nothing")
    void voidCurrentSpanResult() {}
  }

  interface Notes {
    @CurrentSpan(result = "note")
    String note(@SpanAttribute("note.input") String input);
  }

  static class PlainNotes implements Notes {
    @Override
    public String note(String input) {
      return "noted " + input;
    }

    @Traced("noting")
    String noteInside(String input) {
      return note(input);
    }
  }

  @Traced
  public static class TracedAsAWhole {
    @CurrentSpan(result = "looked.up")
    public String lookUp() {
      return "value";
    }
  }

  @Test
  void argumentsAndResultGoOnTheCurrentSpanAndNoSpanIsStarted() {
    assertThat(new Checkout().checkout("o-1")).isEqualTo("r-o-1-3 audited");

    SpanData span = only();
    assertThat(span.getName()).isEqualTo("checkout");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("order.id"))).isEqualTo("o-1");
    assertThat(span.getAttributes().get(AttributeKey.longKey("order.items"))).isEqualTo(3L);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("reserved"))).isEqualTo("r-o-1-3");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("audit.order"))).isEqualTo("o-1");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("audit.note"))).isEqualTo("four");
  }

  @Test
  void withoutACurrentSpanNothingIsRecordedAndTheMethodRuns() {
    assertThat(new Checkout().reserve("o-2", 1)).isEqualTo("r-o-2-1");

    assertThat(spans()).isEmpty();
  }

  @Test
  void bothAnnotationsIsReportedOnceAndTheMethodRunsAsTracedSays() {
    Checkout checkout = new Checkout();

    assertThat(checkout.both("x")).isEqualTo("x");
    assertThat(checkout.both("y")).isEqualTo("y");

    assertThat(spans()).extracting(SpanData::getName).containsExactly("both", "both");
    assertThat(spans().get(0).getAttributes().get(AttributeKey.stringKey("both.input"))).isEqualTo("x");
    assertThat(spans().get(0).getAttributes().get(AttributeKey.stringKey("ignored"))).isNull();
    assertThat(CapturedLog.messages())
        .filteredOn(message -> message.contains("has both"))
        .containsExactly(
            "traced: " + Checkout.class.getName() + ".both: has both @Traced and @CurrentSpan;"
                + " it runs as its @Traced says (remove one of them) (reported once)");
  }

  @Test
  void aCurrentSpanMethodOfATracedClassMakesNoSpanOfItsOwn() {
    assertThat(new TracedAsAWhole().lookUp()).isEqualTo("value");

    assertThat(spans()).isEmpty();
  }

  @Test
  void optionsThatCannotWorkAreReportedOnceAndTheMethodsRun() {
    Mistakes mistakes = new Mistakes();
    for (int i = 0; i < 2; i++) {
      mistakes.linkedWithoutNewTrace();
      mistakes.voidResult();
      new Checkout().checkout("o");
      mistakes.voidCurrentSpanResult();
    }

    String name = Mistakes.class.getName();
    assertThat(CapturedLog.messages())
        .filteredOn(message -> message.startsWith("traced: " + name))
        .containsExactlyInAnyOrder(
            "traced: " + name + ".linkedWithoutNewTrace: linkCaller = true has no effect without newTrace = true (reported once)",
            "traced: " + name + ".voidResult: result = \"nothing\" records nothing: the method returns void (reported once)",
            "traced: " + name + ".voidCurrentSpanResult: @CurrentSpan(result = \"nothing\") records nothing: the method returns void (reported once)");
  }

  @Test
  void aCurrentSpanDeclaredOnAnInterfaceIsNotInheritedByItsImplementations() {
    // The README says so: unlike @Traced, @CurrentSpan is read from the method itself.
    assertThat(new PlainNotes().noteInside("x")).isEqualTo("noted x");

    assertThat(only().getName()).isEqualTo("noting");
    assertThat(only().getAttributes().get(AttributeKey.stringKey("note"))).isNull();
    assertThat(only().getAttributes().get(AttributeKey.stringKey("note.input"))).isNull();
  }
}
