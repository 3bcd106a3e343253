package dev.traced.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class MethodTracerFactoryTest {

  @SuppressWarnings("unused")
  abstract static class Returns {
    abstract CompletableFuture<Integer> completable();

    abstract List<String> list();
  }

  @Test
  void onlyTypesThatCanHoldAFutureAreCheckedAtRuntime() {
    for (Class<?> type : List.of(void.class, int.class, String.class, Integer.class)) {
      assertThat(MethodTracerFactory.mayReturnStage(type)).as("%s", type).isFalse();
      assertThat(MethodTracerFactory.mayReturnVertxFuture(type)).as("%s", type).isFalse();
    }
    for (Class<?> type : List.of(Object.class, List.class)) {
      assertThat(MethodTracerFactory.mayReturnStage(type)).as("%s", type).isTrue();
      assertThat(MethodTracerFactory.mayReturnVertxFuture(type)).as("%s", type).isTrue();
    }
  }

  @Test
  void aTypedFutureIsCheckedForItsOwnKindOnly() {
    for (Class<?> type : List.of(CompletableFuture.class, CompletionStage.class)) {
      assertThat(MethodTracerFactory.mayReturnStage(type)).as("%s", type).isTrue();
      assertThat(MethodTracerFactory.mayReturnVertxFuture(type)).as("%s", type).isFalse();
    }
    assertThat(MethodTracerFactory.mayReturnStage(Future.class)).isFalse();
    assertThat(MethodTracerFactory.mayReturnVertxFuture(Future.class)).isTrue();
  }

  @Test
  void theCompletionTypeIsTheFuturesTypeArgument() throws Exception {
    Method completable = Returns.class.getDeclaredMethod("completable");

    assertThat(MethodTracerFactory.completionType(completable.getGenericReturnType())).isEqualTo(Integer.class);
    assertThat(MethodTracerFactory.completionType(CompletableFuture.class)).isEqualTo(Object.class);
    Method list = Returns.class.getDeclaredMethod("list");
    assertThat(MethodTracerFactory.completionType(list.getGenericReturnType())).isEqualTo(Object.class);
  }

  @Test
  void anonymousClassesAreNamedAfterTheirBinaryName() {
    Object anonymous = new Object() {};

    assertThat(MethodTracerFactory.simpleName(String.class)).isEqualTo("String");
    assertThat(MethodTracerFactory.simpleName(Returns.class)).isEqualTo("Returns");
    assertThat(MethodTracerFactory.simpleName(anonymous.getClass())).isEqualTo("MethodTracerFactoryTest$1");
  }
}
