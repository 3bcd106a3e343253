package dev.traced.internal.async;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.util.concurrent.ListenableFuture;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The choice of a kind, once per method, from the declared return type. */
class AsyncKindsTest {

  @Test
  void eachDeclaredAsyncTypeGetsItsOwnKind() {
    assertThat(AsyncKinds.forReturnType(CompletableFuture.class)).isInstanceOf(CompletionStageKind.class);
    assertThat(AsyncKinds.forReturnType(CompletionStage.class)).isInstanceOf(CompletionStageKind.class);
    assertThat(AsyncKinds.forReturnType(Future.class)).isInstanceOf(VertxFutureKind.class);
    assertThat(AsyncKinds.forReturnType(ListenableFuture.class)).isInstanceOf(ListenableFutureKind.class);
    assertThat(AsyncKinds.forReturnType(Mono.class)).isInstanceOf(MonoKind.class);
    assertThat(AsyncKinds.forReturnType(Flux.class)).isInstanceOf(FluxKind.class);
    assertThat(AsyncKinds.forReturnType(Single.class)).isInstanceOf(RxSingleKind.class);
    assertThat(AsyncKinds.forReturnType(Maybe.class)).isInstanceOf(RxMaybeKind.class);
    assertThat(AsyncKinds.forReturnType(Completable.class)).isInstanceOf(RxCompletableKind.class);
    assertThat(AsyncKinds.forReturnType(Observable.class)).isInstanceOf(RxObservableKind.class);
    assertThat(AsyncKinds.forReturnType(Flowable.class)).isInstanceOf(RxFlowableKind.class);
    assertThat(AsyncKinds.forReturnType(Uni.class)).isInstanceOf(UniKind.class);
    assertThat(AsyncKinds.forReturnType(Multi.class)).isInstanceOf(MultiKind.class);
    assertThat(AsyncKinds.forReturnType(Publisher.class)).isInstanceOf(PublisherKind.class);
  }

  @Test
  void synchronousTypesGetNoKindSoTheyCostNothing() {
    for (Class<?> type : List.of(void.class, int.class, String.class, Integer.class, List.class, Runnable.class)) {
      assertThat(AsyncKinds.forReturnType(type)).as("%s", type).isNull();
    }
  }

  @Test
  void typesOnlyAValueCanTellAreDecidedByTheValue() {
    AsyncKind byValue = AsyncKinds.forReturnType(Object.class);
    assertThat(byValue).isNotNull().isNotInstanceOf(CompletionStageKind.class);
    assertThat(AsyncKinds.forReturnType(java.util.concurrent.Future.class)).as("a CompletableFuture or a ListenableFuture").isNotNull();
  }

  @Test
  void failuresAreUnwrappedFromTheWrappersFuturesPutAroundThem() {
    IllegalStateException cause = new IllegalStateException("boom");

    assertThat(Outcomes.unwrap(new CompletionException(cause))).isSameAs(cause);
    assertThat(Outcomes.unwrap(new ExecutionException(new CompletionException(cause)))).isSameAs(cause);
    assertThat(Outcomes.unwrap(cause)).isSameAs(cause);
    CompletionException bare = new CompletionException("no cause", null);
    assertThat(Outcomes.unwrap(bare)).isSameAs(bare);
    assertThat(Outcomes.unwrap(new CompletionException(new CancellationException()))).isInstanceOf(CancellationException.class);
  }
}
