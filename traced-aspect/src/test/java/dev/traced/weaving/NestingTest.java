package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.named;
import static dev.traced.weaving.TestTracing.spans;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import dev.traced.Traced;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestTracing.class)
class NestingTest {

  static class Phases {
    final AtomicReference<Span> seenInside = new AtomicReference<>();

    @Traced("phase-1")
    void phaseOne() {
      seenInside.set(Span.current());
      phaseTwo();
    }

    @Traced("phase-2")
    void phaseTwo() {}

    @Traced("countdown")
    int countdown(int n) {
      return n == 0 ? 0 : countdown(n - 1);
    }

    @Traced(value = "detached", newTrace = true)
    void detached() {}
  }

  private final Phases phases = new Phases();

  @Test
  void theSpanIsCurrentDuringTheCall() {
    phases.phaseOne();

    SpanData phaseOne = named("phase-1");
    org.assertj.core.api.Assertions.assertThat(phases.seenInside.get().getSpanContext())
        .isEqualTo(phaseOne.getSpanContext());
    org.assertj.core.api.Assertions.assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @Test
  void nestedCallsGiveParentAndChild() {
    phases.phaseOne();

    SpanData phaseOne = named("phase-1");
    assertThat(phaseOne).hasNoParent();
    assertThat(named("phase-2")).hasParent(phaseOne).hasTraceId(phaseOne.getTraceId());
  }

  @Test
  void recursionGivesAChainOfSpans() {
    phases.countdown(3);

    org.assertj.core.api.Assertions.assertThat(spans()).hasSize(4);
    // Finished innermost first: each span's parent is the one finished after it.
    for (int i = 0; i < 3; i++) {
      assertThat(spans().get(i)).hasParent(spans().get(i + 1));
    }
    assertThat(spans().get(3)).hasNoParent();
  }

  @Test
  void aSpanJoinsTheCurrentTraceStartedElsewhere() {
    Span outer = GlobalOpenTelemetry.getTracer("test").spanBuilder("outer").startSpan();
    try (Scope ignored = outer.makeCurrent()) {
      phases.phaseTwo();
    } finally {
      outer.end();
    }

    assertThat(named("phase-2")).hasParent(named("outer"));
  }

  @Test
  void newTraceStartsARootSpanEvenInsideAnother() {
    Span outer = GlobalOpenTelemetry.getTracer("test").spanBuilder("outer").startSpan();
    try (Scope ignored = outer.makeCurrent()) {
      phases.detached();
    } finally {
      outer.end();
    }

    assertThat(named("detached")).hasNoParent();
    org.assertj.core.api.Assertions.assertThat(named("detached").getTraceId())
        .isNotEqualTo(named("outer").getTraceId());
  }
}
