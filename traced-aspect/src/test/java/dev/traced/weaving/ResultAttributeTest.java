package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.awaitSpans;
import static dev.traced.weaving.TestTracing.only;
import static io.opentelemetry.api.common.AttributeKey.doubleKey;
import static io.opentelemetry.api.common.AttributeKey.longArrayKey;
import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;

import dev.traced.Traced;
import io.vertx.core.Future;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestTracing.class)
class ResultAttributeTest {

  static class Calculator {
    @Traced(result = "sum")
    int add(int a, int b) {
      return a + b;
    }

    @Traced(result = "ratio")
    Double ratio() {
      return 0.75;
    }

    @Traced(result = "greeting")
    String greet() {
      return "hello";
    }

    @Traced(result = "greeting")
    String nothing() {
      return null;
    }

    @Traced(result = "ids")
    List<Long> ids() {
      return List.of(1L, 2L);
    }

    @Traced(result = "async.count")
    CompletableFuture<Integer> countLater(CompletableFuture<Integer> result) {
      return result;
    }

    @Traced(result = "vertx.name")
    Future<String> nameLater() {
      return Future.succeededFuture("vert.x");
    }
  }

  private final Calculator calculator = new Calculator();

  @Test
  void theReturnValueIsRecordedTypedByTheReturnType() {
    calculator.add(2, 3);
    assertThat(only()).hasAttribute(longKey("sum"), 5L);
  }

  @Test
  void boxedAndStringResults() {
    calculator.ratio();
    calculator.greet();
    calculator.ids();

    assertThat(TestTracing.spans().get(0)).hasAttribute(doubleKey("ratio"), 0.75);
    assertThat(TestTracing.spans().get(1)).hasAttribute(stringKey("greeting"), "hello");
    assertThat(TestTracing.spans().get(2)).hasAttribute(longArrayKey("ids"), List.of(1L, 2L));
  }

  @Test
  void aNullResultRecordsNothing() {
    calculator.nothing();

    org.assertj.core.api.Assertions.assertThat(only().getAttributes().get(stringKey("greeting"))).isNull();
  }

  @Test
  void anAsyncResultRecordsTheValueItCompletesWith() throws InterruptedException {
    CompletableFuture<Integer> pending = new CompletableFuture<>();
    calculator.countLater(pending);
    pending.complete(42);

    assertThat(awaitSpans(1).get(0)).hasAttribute(longKey("async.count"), 42L);
  }

  @Test
  void aVertxFutureResultRecordsTheValueItCompletesWith() throws InterruptedException {
    calculator.nameLater();

    assertThat(awaitSpans(1).get(0)).hasAttribute(stringKey("vertx.name"), "vert.x");
  }
}
