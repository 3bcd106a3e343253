package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.awaitSpans;
import static dev.traced.weaving.TestTracing.duration;
import static dev.traced.weaving.TestTracing.named;
import static dev.traced.weaving.TestTracing.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.SettableFuture;
import dev.traced.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.reactivex.rxjava3.disposables.Disposable;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Each reactive and future kind returned by a woven {@code @Traced} method: the span starts at the
 * call, ends when the first subscription completes, fails or is cancelled, records the value (or
 * a stream's item count) as {@code result}, and nests what runs inside it.
 */
@ExtendWith(TestTracing.class)
class ReactiveResultsTest {

  private static final AttributeKey<String> VALUE = AttributeKey.stringKey("value");
  private static final AttributeKey<Long> ITEMS = AttributeKey.longKey("items");
  private static final AttributeKey<Boolean> CANCELED = AttributeKey.booleanKey("traced.canceled");

  static class Reactive {
    @Traced(value = "mono", result = "value")
    Mono<String> mono(Mono<String> source) {
      return source;
    }

    @Traced(value = "flux", result = "items")
    Flux<Integer> flux(Flux<Integer> source) {
      return source;
    }

    @Traced(value = "publisher", result = "items")
    Publisher<Integer> publisher(Publisher<Integer> source) {
      return source;
    }

    @Traced(value = "single", result = "value")
    Single<String> single(Single<String> source) {
      return source;
    }

    @Traced(value = "maybe", result = "value")
    Maybe<String> maybe(Maybe<String> source) {
      return source;
    }

    @Traced("completable")
    Completable completable(Completable source) {
      return source;
    }

    @Traced(value = "observable", result = "items")
    Observable<Integer> observable(Observable<Integer> source) {
      return source;
    }

    @Traced(value = "flowable", result = "items")
    Flowable<Integer> flowable(Flowable<Integer> source) {
      return source;
    }

    @Traced(value = "uni", result = "value")
    Uni<String> uni(Uni<String> source) {
      return source;
    }

    @Traced(value = "multi", result = "items")
    Multi<Integer> multi(Multi<Integer> source) {
      return source;
    }

    @Traced(value = "listenable", result = "value")
    ListenableFuture<String> listenable(ListenableFuture<String> source) {
      return source;
    }

    @Traced("inner")
    String inner(String value) {
      return value;
    }

    @Traced("undeclared")
    Object undeclared(Object result) {
      return result;
    }
  }

  private final Reactive reactive = new Reactive();

  // ---- success, with the value or the count --------------------------------------------------

  @Test
  void eachKindEndsItsSpanWhenItsFirstSubscriptionCompletesAndRecordsTheResult() throws Exception {
    assertThat(reactive.mono(Mono.just("a")).block()).isEqualTo("a");
    assertThat(reactive.flux(Flux.just(1, 2, 3)).collectList().block()).containsExactly(1, 2, 3);
    assertThat(Flux.from(reactive.publisher(Flux.just(1, 2))).collectList().block()).containsExactly(1, 2);
    assertThat(reactive.single(Single.just("s")).blockingGet()).isEqualTo("s");
    assertThat(reactive.maybe(Maybe.just("m")).blockingGet()).isEqualTo("m");
    reactive.completable(Completable.complete()).blockingAwait();
    assertThat(reactive.observable(Observable.just(1, 2, 3, 4)).toList().blockingGet()).hasSize(4);
    assertThat(reactive.flowable(Flowable.just(1, 2, 3, 4, 5)).toList().blockingGet()).hasSize(5);
    assertThat(reactive.uni(Uni.createFrom().item("u")).await().indefinitely()).isEqualTo("u");
    assertThat(reactive.multi(Multi.createFrom().items(1, 2, 3)).collect().asList().await().indefinitely()).hasSize(3);
    SettableFuture<String> listenable = SettableFuture.create();
    assertThat(reactive.listenable(listenable)).isSameAs(listenable);
    listenable.set("l");

    awaitSpans(11);
    assertThat(named("mono").getAttributes().get(VALUE)).isEqualTo("a");
    assertThat(named("flux").getAttributes().get(ITEMS)).isEqualTo(3);
    assertThat(named("publisher").getAttributes().get(ITEMS)).isEqualTo(2);
    assertThat(named("single").getAttributes().get(VALUE)).isEqualTo("s");
    assertThat(named("maybe").getAttributes().get(VALUE)).isEqualTo("m");
    assertThat(named("observable").getAttributes().get(ITEMS)).isEqualTo(4);
    assertThat(named("flowable").getAttributes().get(ITEMS)).isEqualTo(5);
    assertThat(named("uni").getAttributes().get(VALUE)).isEqualTo("u");
    assertThat(named("multi").getAttributes().get(ITEMS)).isEqualTo(3);
    assertThat(named("listenable").getAttributes().get(VALUE)).isEqualTo("l");
    assertThat(spans()).allMatch(span -> span.getStatus().getStatusCode() == StatusCode.UNSET);
    assertThat(Span.current().getSpanContext().isValid()).as("nothing left current").isFalse();
  }

  @Test
  void theSpanStartsAtTheCallAndEndsWhenTheWorkHasEndedNotBefore() throws Exception {
    Mono<String> later = reactive.mono(Mono.just("late").delayElement(Duration.ofMillis(100)));
    assertThat(spans()).as("nothing ends before the subscription").isEmpty();

    assertThat(later.block()).isEqualTo("late");

    // The delay runs between the span's start (the call) and its end, both read from one clock.
    SpanData span = awaitSpans(1).get(0);
    assertThat(duration(span)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void emptyResultsCompleteWithoutAValue() throws Exception {
    assertThat(reactive.mono(Mono.empty()).block()).isNull();
    assertThat(reactive.maybe(Maybe.empty()).blockingGet()).isNull();

    awaitSpans(2);
    for (String name : List.of("mono", "maybe")) {
      assertThat(named(name).getAttributes().get(VALUE)).as(name).isNull();
      assertThat(named(name).getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }
  }

  // ---- failure ------------------------------------------------------------------------------

  @Test
  void eachKindRecordsAFailureAsAnErrorWithItsException() throws Exception {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> reactive.mono(Mono.error(boom)).block()).isSameAs(boom);
    assertThatThrownBy(() -> reactive.flux(Flux.error(boom)).blockLast()).isSameAs(boom);
    assertThatThrownBy(() -> reactive.single(Single.error(boom)).blockingGet()).isSameAs(boom);
    assertThatThrownBy(() -> reactive.maybe(Maybe.error(boom)).blockingGet()).isSameAs(boom);
    assertThatThrownBy(() -> reactive.completable(Completable.error(boom)).blockingAwait()).isSameAs(boom);
    assertThatThrownBy(() -> reactive.observable(Observable.error(boom)).blockingLast()).isSameAs(boom);
    assertThatThrownBy(() -> reactive.flowable(Flowable.error(boom)).blockingLast()).isSameAs(boom);
    assertThatThrownBy(() -> reactive.uni(Uni.createFrom().failure(boom)).await().indefinitely()).isSameAs(boom);
    assertThatThrownBy(() -> reactive.multi(Multi.createFrom().failure(boom)).collect().asList().await().indefinitely()).isSameAs(boom);
    SettableFuture<String> listenable = SettableFuture.create();
    reactive.listenable(listenable);
    listenable.setException(boom);

    List<SpanData> spans = awaitSpans(10);
    assertThat(spans).hasSize(10).allSatisfy(span -> {
      assertThat(span.getStatus().getStatusCode()).as(span.getName()).isEqualTo(StatusCode.ERROR);
      assertThat(span.getEvents()).as(span.getName()).anySatisfy(event -> {
        assertThat(event.getName()).isEqualTo("exception");
        assertThat(event.getAttributes().get(AttributeKey.stringKey("exception.message"))).isEqualTo("boom");
      });
    });
  }

  // ---- cancellation -------------------------------------------------------------------------

  @Test
  void aCancelledSubscriptionEndsTheSpanAsCanceledNotAsAnError() throws Exception {
    reactive.mono(Mono.never()).subscribe().dispose();
    reactive.flux(Flux.never()).subscribe().dispose();
    reactive.single(Single.never()).subscribe().dispose();
    reactive.maybe(Maybe.never()).subscribe().dispose();
    reactive.completable(Completable.never()).subscribe().dispose();
    reactive.observable(Observable.never()).subscribe().dispose();
    Disposable flowable = reactive.flowable(Flowable.never()).subscribe();
    flowable.dispose();
    Cancellable uni = reactive.uni(Uni.createFrom().nothing()).subscribe().with(item -> {});
    uni.cancel();
    Cancellable multi = reactive.multi(Multi.createFrom().nothing()).subscribe().with(item -> {});
    multi.cancel();
    SettableFuture<String> listenable = SettableFuture.create();
    reactive.listenable(listenable);
    listenable.cancel(false);

    List<SpanData> spans = awaitSpans(10);
    assertThat(spans).hasSize(10).allSatisfy(span -> {
      assertThat(span.getAttributes().get(CANCELED)).as(span.getName()).isTrue();
      assertThat(span.getStatus().getStatusCode()).as(span.getName()).isEqualTo(StatusCode.UNSET);
    });
  }

  // ---- one span per call, however many subscriptions ----------------------------------------

  @Test
  void aSecondSubscriptionDoesNotTouchTheSpanTheFirstEnded() throws Exception {
    Flux<Integer> flux = reactive.flux(Flux.just(1, 2));
    flux.blockLast();
    flux.concatWith(Flux.just(3)).blockLast();

    SpanData span = awaitSpans(1).get(0);
    Thread.sleep(50);
    assertThat(spans()).hasSize(1);
    assertThat(span.getAttributes().get(ITEMS)).as("the first subscription's count").isEqualTo(2);
  }

  // ---- nesting ------------------------------------------------------------------------------

  @Test
  void theSpanIsCurrentDownstreamOfAReactorResultSoWhatRunsThereNestsUnderIt() throws Exception {
    AtomicReference<String> parentInMap = new AtomicReference<>();
    String value =
        reactive
            .mono(Mono.just("x").delayElement(Duration.ofMillis(10), Schedulers.parallel()))
            .map(item -> {
              parentInMap.set(Span.current().getSpanContext().getSpanId());
              return reactive.inner(item);
            })
            .block();

    assertThat(value).isEqualTo("x");
    awaitSpans(2);
    SpanData mono = named("mono");
    assertThat(parentInMap.get()).isEqualTo(mono.getSpanId());
    assertThat(named("inner").getParentSpanId()).as("a traced method called in the chain").isEqualTo(mono.getSpanId());
  }

  @Test
  void aTracedMethodCalledInsideAReactiveChainGetsTheChainsSpanAsParent() throws Exception {
    List<String> parents = new ArrayList<>();
    reactive
        .flux(Flux.just(1, 2))
        .doOnNext(item -> parents.add(Span.current().getSpanContext().getSpanId()))
        .map(item -> reactive.inner("i" + item))
        .blockLast();

    awaitSpans(3);
    String flux = named("flux").getSpanId();
    assertThat(parents).containsOnly(flux);
    assertThat(spans()).filteredOn(span -> span.getName().equals("inner")).allMatch(span -> span.getParentSpanId().equals(flux));
  }

  @Test
  void aLazyResultReturnedAsObjectIsRecognisedByItsValue() throws Exception {
    Object result = reactive.undeclared(Mono.just("v"));

    assertThat(result).isInstanceOf(Mono.class);
    assertThat(spans()).isEmpty();
    assertThat(((Mono<?>) result).block()).isEqualTo("v");
    assertThat(awaitSpans(1).get(0).getName()).isEqualTo("undeclared");
  }

  @Test
  void aNeverSubscribedResultLeavesItsSpanUnended() throws Exception {
    reactive.mono(Mono.just("unused"));

    Thread.sleep(50);
    assertThat(spans()).as("a span starts at the call and ends with the subscription: none, no end").isEmpty();
  }

  @Test
  void aGuavaFutureThatHasAlreadyCompletedEndsTheSpanAtOnce() throws Exception {
    SettableFuture<String> done = SettableFuture.create();
    done.set("now");

    assertThat(reactive.listenable(done)).isSameAs(done);
    assertThat(spans()).hasSize(1);
    assertThatThrownBy(() -> reactive.listenable(cancelled()).get()).isInstanceOf(CancellationException.class);
  }

  private static ListenableFuture<String> cancelled() {
    SettableFuture<String> future = SettableFuture.create();
    future.cancel(false);
    return future;
  }
}
