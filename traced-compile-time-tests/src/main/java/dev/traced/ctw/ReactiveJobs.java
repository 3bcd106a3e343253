package dev.traced.ctw;

import com.google.common.util.concurrent.ListenableFuture;
import dev.traced.Traced;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** One traced method per kind of asynchronous result, woven at build time. */
public class ReactiveJobs {

  @Traced(value = "mono", result = "value")
  public Mono<String> mono(Mono<String> source) {
    return source;
  }

  @Traced(value = "flux", result = "items")
  public Flux<Integer> flux(Flux<Integer> source) {
    return source;
  }

  @Traced(value = "publisher", result = "items")
  public Publisher<Integer> publisher(Publisher<Integer> source) {
    return source;
  }

  @Traced(value = "single", result = "value")
  public Single<String> single(Single<String> source) {
    return source;
  }

  @Traced(value = "maybe", result = "value")
  public Maybe<String> maybe(Maybe<String> source) {
    return source;
  }

  @Traced("completable")
  public Completable completable(Completable source) {
    return source;
  }

  @Traced(value = "observable", result = "items")
  public Observable<Integer> observable(Observable<Integer> source) {
    return source;
  }

  @Traced(value = "flowable", result = "items")
  public Flowable<Integer> flowable(Flowable<Integer> source) {
    return source;
  }

  @Traced(value = "uni", result = "value")
  public Uni<String> uni(Uni<String> source) {
    return source;
  }

  @Traced(value = "multi", result = "items")
  public Multi<Integer> multi(Multi<Integer> source) {
    return source;
  }

  @Traced(value = "listenable", result = "value")
  public ListenableFuture<String> listenable(ListenableFuture<String> source) {
    return source;
  }

  @Traced("inner")
  public String inner(String value) {
    return value;
  }
}
