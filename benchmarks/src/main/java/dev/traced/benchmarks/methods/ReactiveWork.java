package dev.traced.benchmarks.methods;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import dev.traced.NotTraced;
import dev.traced.Traced;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.ExecutionException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The asynchronous kinds of {@code @Traced} against their hand-written twins: each returns the
 * same result of {@link Work#compute}, and each twin makes the span {@code @Traced} makes (the
 * {@code code.function.name} attribute, current while the body runs, ended with the outcome, error
 * status on failure), with the library's own hooks, as a developer would write it.
 */
public class ReactiveWork {

  private final Tracer tracer;

  ReactiveWork(Tracer tracer) {
    this.tracer = tracer;
  }

  private Span start(String name) {
    return tracer.spanBuilder(name).setAttribute(Work.CODE_FUNCTION_NAME, ReactiveWork.class.getName() + "." + name).startSpan();
  }

  private static void end(Span span, Throwable error) {
    if (error != null) {
      span.recordException(error);
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  @Traced("tracedListenableFuture")
  public ListenableFuture<Long> tracedListenableFuture(long input) {
    return Futures.immediateFuture(Work.compute(input));
  }

  @NotTraced
  public ListenableFuture<Long> handWrittenListenableFuture(long input) {
    Span span = start("handWrittenListenableFuture");
    ListenableFuture<Long> result;
    try (Scope ignored = span.makeCurrent()) {
      result = Futures.immediateFuture(Work.compute(input));
    }
    result.addListener(
        () -> {
          try {
            Futures.getDone(result);
            end(span, null);
          } catch (ExecutionException e) {
            end(span, e.getCause());
          }
        },
        MoreExecutors.directExecutor());
    return result;
  }

  @Traced("tracedMono")
  public Mono<Long> tracedMono(long input) {
    return Mono.just(Work.compute(input));
  }

  @NotTraced
  public Mono<Long> handWrittenMono(long input) {
    Span span = start("handWrittenMono");
    try (Scope ignored = span.makeCurrent()) {
      return Mono.just(Work.compute(input)).doOnError(error -> end(span, error)).doOnSuccess(value -> end(span, null)).doOnCancel(span::end);
    }
  }

  @Traced("tracedFlux")
  public Flux<Long> tracedFlux(long input) {
    return Flux.just(input, Work.compute(input));
  }

  @NotTraced
  public Flux<Long> handWrittenFlux(long input) {
    return handWrittenFlux("handWrittenFlux", input);
  }

  private Flux<Long> handWrittenFlux(String name, long input) {
    Span span = start(name);
    try (Scope ignored = span.makeCurrent()) {
      return Flux.just(input, Work.compute(input)).doOnError(error -> end(span, error)).doOnComplete(() -> end(span, null)).doOnCancel(span::end);
    }
  }

  @Traced("tracedSingle")
  public Single<Long> tracedSingle(long input) {
    return Single.just(Work.compute(input));
  }

  @NotTraced
  public Single<Long> handWrittenSingle(long input) {
    Span span = start("handWrittenSingle");
    try (Scope ignored = span.makeCurrent()) {
      return Single.just(Work.compute(input)).doOnSuccess(value -> end(span, null)).doOnError(error -> end(span, error)).doOnDispose(span::end);
    }
  }

  @Traced("tracedUni")
  public Uni<Long> tracedUni(long input) {
    return Uni.createFrom().item(Work.compute(input));
  }

  @NotTraced
  public Uni<Long> handWrittenUni(long input) {
    Span span = start("handWrittenUni");
    try (Scope ignored = span.makeCurrent()) {
      return Uni.createFrom()
          .item(Work.compute(input))
          .onItem().invoke(value -> end(span, null))
          .onFailure().invoke(error -> end(span, error))
          .onCancellation().invoke(span::end);
    }
  }

  @Traced("tracedMaybe")
  public Maybe<Long> tracedMaybe(long input) {
    return Maybe.just(Work.compute(input));
  }

  @NotTraced
  public Maybe<Long> handWrittenMaybe(long input) {
    Span span = start("handWrittenMaybe");
    try (Scope ignored = span.makeCurrent()) {
      return Maybe.just(Work.compute(input))
          .doOnSuccess(value -> end(span, null))
          .doOnComplete(() -> end(span, null))
          .doOnError(error -> end(span, error))
          .doOnDispose(span::end);
    }
  }

  @Traced("tracedCompletable")
  public Completable tracedCompletable(long input) {
    return Completable.fromSupplier(() -> Work.compute(input));
  }

  @NotTraced
  public Completable handWrittenCompletable(long input) {
    Span span = start("handWrittenCompletable");
    try (Scope ignored = span.makeCurrent()) {
      return Completable.fromSupplier(() -> Work.compute(input))
          .doOnComplete(() -> end(span, null))
          .doOnError(error -> end(span, error))
          .doOnDispose(span::end);
    }
  }

  @Traced("tracedObservable")
  public Observable<Long> tracedObservable(long input) {
    return Observable.just(input, Work.compute(input));
  }

  @NotTraced
  public Observable<Long> handWrittenObservable(long input) {
    Span span = start("handWrittenObservable");
    try (Scope ignored = span.makeCurrent()) {
      return Observable.just(input, Work.compute(input))
          .doOnComplete(() -> end(span, null))
          .doOnError(error -> end(span, error))
          .doOnDispose(span::end);
    }
  }

  @Traced("tracedFlowable")
  public Flowable<Long> tracedFlowable(long input) {
    return Flowable.just(input, Work.compute(input));
  }

  @NotTraced
  public Flowable<Long> handWrittenFlowable(long input) {
    Span span = start("handWrittenFlowable");
    try (Scope ignored = span.makeCurrent()) {
      return Flowable.just(input, Work.compute(input))
          .doOnComplete(() -> end(span, null))
          .doOnError(error -> end(span, error))
          .doOnCancel(span::end);
    }
  }

  @Traced("tracedMulti")
  public Multi<Long> tracedMulti(long input) {
    return Multi.createFrom().items(input, Work.compute(input));
  }

  @NotTraced
  public Multi<Long> handWrittenMulti(long input) {
    Span span = start("handWrittenMulti");
    try (Scope ignored = span.makeCurrent()) {
      return Multi.createFrom()
          .items(input, Work.compute(input))
          .onCompletion().invoke(() -> end(span, null))
          .onFailure().invoke(error -> end(span, error))
          .onCancellation().invoke(span::end);
    }
  }

  /** Declared as the common interface only, as a library that hides its reactive library would. */
  @Traced("tracedPublisher")
  public Publisher<Long> tracedPublisher(long input) {
    return Flux.just(input, Work.compute(input));
  }

  @NotTraced
  public Publisher<Long> handWrittenPublisher(long input) {
    return handWrittenFlux("handWrittenPublisher", input);
  }
}
