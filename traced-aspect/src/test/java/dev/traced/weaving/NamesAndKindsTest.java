package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.only;
import static dev.traced.weaving.TestTracing.spans;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import dev.traced.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestTracing.class)
class NamesAndKindsTest {

  static class Orders {
    @Traced
    String place() {
      return "placed";
    }

    @Traced("phase-1")
    void phaseOne() {}

    @Traced(value = "serve", kind = Traced.Kind.SERVER)
    void serve() {}

    @Traced(value = "call", kind = Traced.Kind.CLIENT)
    void call() {}

    @Traced(value = "produce", kind = Traced.Kind.PRODUCER)
    void produce() {}

    @Traced(value = "consume", kind = Traced.Kind.CONSUMER)
    void consume() {}
  }

  private final Orders orders = new Orders();

  @Test
  void defaultNameIsSimpleClassNameDotMethodName() {
    orders.place();

    assertThat(only()).hasName("Orders.place").hasKind(SpanKind.INTERNAL);
  }

  @Test
  void valueNamesTheSpan() {
    orders.phaseOne();

    assertThat(only()).hasName("phase-1");
  }

  @Test
  void everySpanCarriesTheQualifiedFunctionName() {
    orders.place();

    assertThat(only())
        .hasAttribute(
            AttributeKey.stringKey("code.function.name"),
            "dev.traced.weaving.NamesAndKindsTest$Orders.place");
  }

  @Test
  void kindMapsToOpenTelemetrySpanKind() {
    orders.serve();
    orders.call();
    orders.produce();
    orders.consume();

    assertThat(spans().get(0)).hasName("serve").hasKind(SpanKind.SERVER);
    assertThat(spans().get(1)).hasName("call").hasKind(SpanKind.CLIENT);
    assertThat(spans().get(2)).hasName("produce").hasKind(SpanKind.PRODUCER);
    assertThat(spans().get(3)).hasName("consume").hasKind(SpanKind.CONSUMER);
  }

  @Test
  void spansComeFromTheTracedInstrumentationScope() {
    orders.place();

    assertThat(only().getInstrumentationScopeInfo().getName()).isEqualTo("dev.traced");
    assertThat(only().getInstrumentationScopeInfo().getVersion()).isNotBlank().isNotEqualTo("unknown");
  }
}
