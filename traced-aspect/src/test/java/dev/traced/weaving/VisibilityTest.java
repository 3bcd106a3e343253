package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.named;
import static dev.traced.weaving.TestTracing.spans;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import dev.traced.Traced;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Weaving, unlike proxies, traces the calls a proxy never sees. */
@ExtendWith(TestTracing.class)
class VisibilityTest {

  static class Service {
    @Traced("public-entry")
    public String entry() {
      return privateStep() + staticStep() + this.selfInvoked();
    }

    @Traced("private-step")
    private String privateStep() {
      return "a";
    }

    @Traced("static-step")
    static String staticStep() {
      return "b";
    }

    @Traced("self-invoked")
    protected String selfInvoked() {
      return "c";
    }
  }

  @Test
  void privateStaticAndSelfInvokedMethodsAreTraced() {
    org.assertj.core.api.Assertions.assertThat(new Service().entry()).isEqualTo("abc");

    org.assertj.core.api.Assertions.assertThat(spans()).hasSize(4);
    SpanData entry = named("public-entry");
    assertThat(named("private-step")).hasParent(entry);
    assertThat(named("static-step")).hasParent(entry);
    assertThat(named("self-invoked")).hasParent(entry);
  }

  @Test
  void aStaticMethodCalledDirectlyIsTraced() {
    Service.staticStep();

    assertThat(named("static-step")).hasNoParent();
  }
}
