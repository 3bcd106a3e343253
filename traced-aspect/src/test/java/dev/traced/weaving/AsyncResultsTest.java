package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.awaitSpans;
import static dev.traced.weaving.TestTracing.duration;
import static dev.traced.weaving.TestTracing.spans;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import dev.traced.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestTracing.class)
class AsyncResultsTest {

  static class Jobs {
    @Traced("completable")
    CompletableFuture<String> completable(CompletableFuture<String> result) {
      return result;
    }

    @Traced("stage")
    CompletionStage<String> stage(CompletionStage<String> result) {
      return result;
    }

    @Traced("undeclared")
    Object undeclared(Object result) {
      return result;
    }

    @Traced("vertx")
    Future<String> vertx(Future<String> result) {
      return result;
    }

    @Traced(value = "expected-async", expected = NoSuchElementException.class)
    CompletableFuture<String> expectedFailure(CompletableFuture<String> result) {
      return result;
    }
  }

  private final Jobs jobs = new Jobs();

  @Test
  void aCompletableFutureKeepsTheSpanOpenUntilItCompletes() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();

    CompletableFuture<String> returned = jobs.completable(pending);
    long afterReturn = System.nanoTime();
    org.assertj.core.api.Assertions.assertThat(returned).isSameAs(pending);
    org.assertj.core.api.Assertions.assertThat(spans()).isEmpty();
    org.assertj.core.api.Assertions.assertThat(Span.current().getSpanContext().isValid()).isFalse();

    long beforeCompletion = System.nanoTime();
    completeLaterOnAnotherThread(() -> pending.complete("done"));

    SpanData span = awaitSpans(1).get(0);
    assertThat(span).hasName("completable").hasStatus(StatusData.unset());
    assertEndedAfter(span, afterReturn, beforeCompletion);
    org.assertj.core.api.Assertions.assertThat(returned.get()).isEqualTo("done");
  }

  @Test
  void anAlreadyCompletedFutureEndsTheSpanAtOnce() {
    jobs.completable(CompletableFuture.completedFuture("ready"));

    org.assertj.core.api.Assertions.assertThat(spans()).hasSize(1);
  }

  @Test
  void aFailedFutureIsRecordedLikeAnException() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();
    IllegalStateException error = new IllegalStateException("async boom");

    jobs.completable(pending);
    completeLaterOnAnotherThread(() -> pending.completeExceptionally(error));

    assertThat(awaitSpans(1).get(0)).hasStatus(StatusData.error()).hasException(error);
  }

  @Test
  void aWrappedFailureIsUnwrapped() throws Exception {
    CompletableFuture<String> source = new CompletableFuture<>();
    IllegalArgumentException error = new IllegalArgumentException("inner");
    CompletableFuture<String> dependent = source.thenApply(value -> value);

    jobs.completable(dependent);
    source.completeExceptionally(error);

    assertThat(awaitSpans(1).get(0)).hasStatus(StatusData.error()).hasException(error);
  }

  @Test
  void cancellationEndsTheSpanWithoutError() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();

    jobs.completable(pending);
    long afterReturn = System.nanoTime();
    org.assertj.core.api.Assertions.assertThat(spans()).isEmpty();
    long beforeCancel = System.nanoTime();
    pending.cancel(true);

    SpanData span = awaitSpans(1).get(0);
    assertThat(span).hasAttribute(AttributeKey.booleanKey("traced.canceled"), true);
    org.assertj.core.api.Assertions.assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertEndedAfter(span, afterReturn, beforeCancel);
  }

  @Test
  void anyCompletionStageIsAwaited() throws Exception {
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletionStage<String> minimal = source.minimalCompletionStage();

    org.assertj.core.api.Assertions.assertThat((Object) jobs.stage(minimal)).isSameAs(minimal);
    org.assertj.core.api.Assertions.assertThat(spans()).isEmpty();
    source.complete("done");

    assertThat(awaitSpans(1).get(0)).hasName("stage");
  }

  @Test
  void anAsyncResultIsRecognisedWhateverTheDeclaredReturnType() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();

    org.assertj.core.api.Assertions.assertThat(jobs.undeclared(pending)).isSameAs(pending);
    org.assertj.core.api.Assertions.assertThat(spans()).isEmpty();
    pending.complete("done");

    assertThat(awaitSpans(1).get(0)).hasName("undeclared");
  }

  @Test
  void aVertxFutureIsRecognisedWhateverTheDeclaredReturnType() throws Exception {
    Promise<String> promise = Promise.promise();

    org.assertj.core.api.Assertions.assertThat(jobs.undeclared(promise.future())).isSameAs(promise.future());
    org.assertj.core.api.Assertions.assertThat(spans()).isEmpty();
    promise.fail(new IllegalStateException("late"));

    assertThat(awaitSpans(1).get(0)).hasName("undeclared").hasStatus(StatusData.error());
  }

  @Test
  void aVertxFutureKeepsTheSpanOpenUntilItCompletes() throws Exception {
    Promise<String> promise = Promise.promise();
    Future<String> future = promise.future();

    org.assertj.core.api.Assertions.assertThat(jobs.vertx(future)).isSameAs(future);
    long afterReturn = System.nanoTime();
    org.assertj.core.api.Assertions.assertThat(spans()).isEmpty();
    long beforeCompletion = System.nanoTime();
    completeLaterOnAnotherThread(() -> promise.complete("done"));

    SpanData span = awaitSpans(1).get(0);
    assertThat(span).hasName("vertx").hasStatus(StatusData.unset());
    assertEndedAfter(span, afterReturn, beforeCompletion);
  }

  @Test
  void aFailedVertxFutureIsRecordedLikeAnException() throws Exception {
    Promise<String> promise = Promise.promise();
    IllegalStateException error = new IllegalStateException("vertx boom");

    jobs.vertx(promise.future());
    promise.fail(error);

    assertThat(awaitSpans(1).get(0)).hasStatus(StatusData.error()).hasException(error);
  }

  @Test
  void anExpectedAsyncFailureIsNotAnError() throws Exception {
    CompletableFuture<String> pending = new CompletableFuture<>();
    NoSuchElementException error = new NoSuchElementException("none");

    jobs.expectedFailure(pending);
    pending.completeExceptionally(error);

    SpanData span = awaitSpans(1).get(0);
    assertThat(span).hasException(error);
    org.assertj.core.api.Assertions.assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
  }

  /**
   * The span, started before {@code afterReturn}, lasted at least until {@code beforeEnd}: both
   * read from {@code System.nanoTime()}, and set against the span's duration, which the SDK takes
   * from the same clock. Its epoch timestamps could not be compared with the test's: each span
   * anchors them with a wall-clock read and a monotonic read one after the other, and a thread
   * descheduled between the two moves every timestamp of that span earlier.
   */
  private static void assertEndedAfter(SpanData span, long afterReturn, long beforeEnd) {
    org.assertj.core.api.Assertions.assertThat(duration(span).toNanos()).isGreaterThanOrEqualTo(beforeEnd - afterReturn);
  }

  private static void completeLaterOnAnotherThread(Runnable completion) throws InterruptedException {
    Thread thread = new Thread(completion);
    thread.start();
    thread.join();
  }
}
