package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.only;
import static dev.traced.weaving.TestTracing.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.traced.Traced;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestTracing.class)
class LinksAndMetricsTest {

  static final AttributeKey<String> FUNCTION = AttributeKey.stringKey("code.function.name");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  static class Jobs {
    @Traced("request")
    String request() {
      return batch();
    }

    @Traced(value = "batch", newTrace = true, linkCaller = true)
    String batch() {
      return Baggage.current().getEntryValue("tenant");
    }

    @Traced(value = "unlinked-batch", newTrace = true)
    String unlinkedBatch() {
      return "done";
    }

    @Traced(value = "timed", metrics = true)
    String timed(RuntimeException error) {
      if (error != null) {
        throw error;
      }
      return "ok";
    }

    @Traced(value = "timed-expected", metrics = true, expected = IllegalArgumentException.class)
    String timedExpected() {
      throw new IllegalArgumentException("not found");
    }

    @Traced(value = "timed-later", metrics = true)
    CompletableFuture<String> timedLater(CompletableFuture<String> result) {
      return result;
    }

    @Traced("untimed")
    String untimed() {
      return "ok";
    }
  }

  @Test
  void aNewTraceLinksToTheCallersSpanAndKeepsTheBaggage() {
    String tenant;
    try (Scope ignored = Baggage.builder().put("tenant", "acme").build().makeCurrent()) {
      tenant = new Jobs().request();
    }

    assertThat(tenant).isEqualTo("acme");
    SpanData batch = TestTracing.named("batch");
    SpanData request = TestTracing.named("request");
    assertThat(batch.getParentSpanContext().isValid()).isFalse();
    assertThat(batch.getTraceId()).isNotEqualTo(request.getTraceId());
    assertThat(batch.getLinks()).singleElement().satisfies(link -> assertThat(link.getSpanContext()).isEqualTo(request.getSpanContext()));
  }

  @Test
  void noLinkWithoutACallerNorWithoutLinkCaller() {
    new Jobs().batch();
    new Jobs().unlinkedBatch();

    assertThat(spans()).allSatisfy(span -> assertThat(span.getLinks()).isEmpty());
  }

  @Test
  void metricsRecordTheDurationWithTheMethodAndTheErrorType() {
    Jobs jobs = new Jobs();
    IllegalStateException error = new IllegalStateException("boom");

    jobs.timed(null);
    jobs.timed(null);
    assertThat(catchThrowable(() -> jobs.timed(error))).isSameAs(error);
    assertThat(catchThrowable(jobs::timedExpected)).isInstanceOf(IllegalArgumentException.class);
    jobs.untimed();

    String timed = Jobs.class.getName() + ".timed";
    String expected = Jobs.class.getName() + ".timedExpected";
    assertThat(points())
        .extracting(point -> point.getAttributes(), HistogramPointData::getCount)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(Attributes.of(FUNCTION, timed), 2L),
            org.assertj.core.groups.Tuple.tuple(Attributes.of(FUNCTION, timed, ERROR_TYPE, IllegalStateException.class.getName()), 1L),
            org.assertj.core.groups.Tuple.tuple(Attributes.of(FUNCTION, expected), 1L));
  }

  @Test
  void anAsynchronousMethodIsMeasuredUntilItsResultCompletes() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();
    new Jobs().timedLater(pending);
    Thread.sleep(20);

    assertThat(points()).isEmpty();
    pending.complete("done");

    assertThat(points()).singleElement().satisfies(point -> {
      assertThat(point.getCount()).isEqualTo(1);
      assertThat(point.getSum()).isGreaterThanOrEqualTo(0.020);
    });
    assertThat(only().getName()).isEqualTo("timed-later");
  }

  @Test
  void theHistogramIsInSecondsWithTheAdvisedBuckets() {
    new Jobs().timed(null);

    MetricData metric = histogram();
    assertThat(metric.getUnit()).isEqualTo("s");
    assertThat(metric.getInstrumentationScopeInfo().getName()).isEqualTo("dev.traced");
    assertThat(metric.getHistogramData().getPoints()).singleElement()
        .satisfies(point -> assertThat(point.getBoundaries()).startsWith(0.005, 0.01).endsWith(10.0));
  }

  private static MetricData histogram() {
    List<MetricData> metrics = TestTracing.METRICS.collectAllMetrics().stream().filter(m -> m.getName().equals("traced.method.duration")).toList();
    assertThat(metrics).hasSize(1);
    return metrics.get(0);
  }

  private static List<HistogramPointData> points() {
    return TestTracing.METRICS.collectAllMetrics().stream()
        .filter(m -> m.getName().equals("traced.method.duration"))
        .flatMap(m -> m.getHistogramData().getPoints().stream())
        .toList();
  }

  @Test
  void aSpanThatIsNotRecordedIsTimedByTheCallItself() {
    SpanContext unsampled =
        SpanContext.create("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", TraceFlags.getDefault(), TraceState.getDefault());
    try (Scope ignored = Span.wrap(unsampled).makeCurrent()) {
      new Jobs().timed(null);
    }

    assertThat(spans()).isEmpty();
    assertThat(points()).singleElement().satisfies(point -> {
      assertThat(point.getCount()).isEqualTo(1);
      assertThat(point.getSum()).isPositive();
    });
  }
}
