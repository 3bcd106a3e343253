package dev.traced.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.internal.async.AsyncKinds;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class MethodTracerFactoryTest {

  @SuppressWarnings("unused")
  abstract static class Returns {
    abstract CompletableFuture<Integer> completable();

    abstract List<String> list();

    abstract Mono<String> mono();

    abstract Flux<Integer> flux();
  }

  @Test
  void theCompletionTypeIsTheTypeArgumentOrTheCountOfAStream() throws Exception {
    Method completable = Returns.class.getDeclaredMethod("completable");
    Method mono = Returns.class.getDeclaredMethod("mono");
    Method flux = Returns.class.getDeclaredMethod("flux");
    Method list = Returns.class.getDeclaredMethod("list");

    assertThat(completionType(completable)).isEqualTo(Integer.class);
    assertThat(completionType(mono)).isEqualTo(String.class);
    assertThat(completionType(flux)).isEqualTo(Long.class);
    assertThat(MethodTracerFactory.completionType(CompletableFuture.class, AsyncKinds.forReturnType(CompletableFuture.class)))
        .isEqualTo(Object.class);
    assertThat(completionType(list)).isEqualTo(Object.class);
  }

  private static java.lang.reflect.Type completionType(Method method) {
    return MethodTracerFactory.completionType(method.getGenericReturnType(), AsyncKinds.forReturnType(method.getReturnType()));
  }

  @Test
  void anonymousClassesAreNamedAfterTheirBinaryName() {
    Object anonymous = new Object() {};

    assertThat(MethodTracerFactory.simpleName(String.class)).isEqualTo("String");
    assertThat(MethodTracerFactory.simpleName(Returns.class)).isEqualTo("Returns");
    assertThat(MethodTracerFactory.simpleName(anonymous.getClass())).isEqualTo("MethodTracerFactoryTest$1");
  }
}
