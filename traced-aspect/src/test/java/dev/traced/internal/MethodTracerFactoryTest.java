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
    assertThat(MethodTracerFactory.mayReturnAsync(void.class)).isFalse();
    assertThat(MethodTracerFactory.mayReturnAsync(int.class)).isFalse();
    assertThat(MethodTracerFactory.mayReturnAsync(String.class)).isFalse();
    assertThat(MethodTracerFactory.mayReturnAsync(Integer.class)).isFalse();

    assertThat(MethodTracerFactory.mayReturnAsync(CompletableFuture.class)).isTrue();
    assertThat(MethodTracerFactory.mayReturnAsync(CompletionStage.class)).isTrue();
    assertThat(MethodTracerFactory.mayReturnAsync(Future.class)).isTrue();
    assertThat(MethodTracerFactory.mayReturnAsync(Object.class)).isTrue();
    assertThat(MethodTracerFactory.mayReturnAsync(List.class)).isTrue();
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
