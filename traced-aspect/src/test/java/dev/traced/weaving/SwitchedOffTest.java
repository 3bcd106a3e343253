package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.spans;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.traced.SpanAttribute;
import dev.traced.Traced;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Runs in a JVM of its own, started with {@code -Dtraced.enabled=false} (see the pom). */
@ExtendWith(TestTracing.class)
class SwitchedOffTest {

  static class Service {
    @Traced("off")
    String work(@SpanAttribute("input") String input) {
      return input + "!";
    }

    @Traced("off-throwing")
    void fail(IllegalStateException error) {
      throw error;
    }

    @Traced("off-async")
    CompletableFuture<String> later(CompletableFuture<String> result) {
      return result;
    }
  }

  @Test
  void theSwitchIsOff() {
    assertThat(System.getProperty("traced.enabled")).isEqualTo("false");
  }

  @Test
  void theClassIsWovenNonetheless() {
    assertThat(Service.class.getDeclaredFields()).anyMatch(field -> field.getName().startsWith("ajc$"));
  }

  @Test
  void wovenMethodsRunWithoutSpans() {
    Service service = new Service();
    IllegalStateException error = new IllegalStateException("boom");
    CompletableFuture<String> pending = new CompletableFuture<>();

    assertThat(service.work("hi")).isEqualTo("hi!");
    assertThat(catchThrowable(() -> service.fail(error))).isSameAs(error);
    assertThat(service.later(pending)).isSameAs(pending);
    pending.complete("done");

    assertThat(spans()).isEmpty();
  }
}
