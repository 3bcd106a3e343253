package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.spans;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.traced.SpanAttribute;
import dev.traced.Traced;
import dev.traced.testing.CapturedLog;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A failure of the tracing path never changes what the traced method returns or throws. */
@ExtendWith({TestTracing.class, CapturedLog.class})
class FailureIsolationTest {

  static class Hostile {
    @Override
    public String toString() {
      throw new IllegalStateException("toString failure (on purpose)");
    }
  }

  static class Huge {
    @Override
    public String toString() {
      return "x".repeat(1 << 20);
    }
  }

  static class Service {
    @Traced("sdk-fails")
    String work(String input) {
      return input + "!";
    }

    @Traced("sdk-fails-throwing")
    void fail(IOException error) throws IOException {
      throw error;
    }

    @Traced("sdk-fails-async")
    CompletableFuture<String> later(CompletableFuture<String> result) {
      return result;
    }

    @Traced(value = "bad-argument", result = "result")
    Hostile withHostileArgument(@SpanAttribute("hostile") Hostile hostile, @SpanAttribute("fine") String fine) {
      return hostile;
    }

    @Traced("huge-argument")
    String withHugeArgument(@SpanAttribute("huge") Huge huge) {
      return "done";
    }
  }

  private final Service service = new Service();
  @Test
  void aThrowingSdkLeavesTheResultUnchanged() {
    TestTracing.FailingProcessor.INSTANCE.failing = true;

    assertThat(service.work("hello")).isEqualTo("hello!");
    assertThat(service.work("again")).isEqualTo("again!");
    assertThat(service.work("third")).isEqualTo("third!");

    assertThat(CapturedLog.messages())
        .filteredOn(message -> message.contains("Service.work: could not start a span"))
        .hasSize(1);
  }

  @Test
  void aThrowingSdkLeavesTheExceptionUnchanged() {
    TestTracing.FailingProcessor.INSTANCE.failing = true;
    IOException error = new IOException("the method's own failure");

    assertThat(catchThrowable(() -> service.fail(error))).isSameAs(error);
  }

  @Test
  void aThrowingSdkLeavesAsyncResultsUnchanged() throws Exception {
    TestTracing.FailingProcessor.INSTANCE.failing = true;
    CompletableFuture<String> pending = new CompletableFuture<>();

    CompletableFuture<String> returned = service.later(pending);
    pending.complete("value");

    assertThat(returned).isSameAs(pending);
    assertThat(returned.get()).isEqualTo("value");
  }

  @Test
  void aThrowingToStringSkipsOnlyThatAttributeAndIsReportedOnce() {
    Hostile hostile = new Hostile();

    for (int call = 0; call < 3; call++) {
      assertThat(service.withHostileArgument(hostile, "ok")).isSameAs(hostile);
    }

    assertThat(spans()).hasSize(3).allMatch(span -> span.hasEnded());
    assertThat(spans().get(0).getAttributes().get(stringKey("fine"))).isEqualTo("ok");
    assertThat(spans().get(0).getAttributes().get(stringKey("hostile"))).isNull();
    assertThat(spans().get(0).getAttributes().get(stringKey("result"))).isNull();
    assertThat(CapturedLog.messages()).filteredOn(message -> message.contains("\"hostile\"")).hasSize(1);
    assertThat(CapturedLog.messages()).filteredOn(message -> message.contains("\"result\"")).hasSize(1);
  }

  @Test
  void aHugeToStringIsCutToTheLimitAndReportedOnce() {
    for (int call = 0; call < 3; call++) {
      assertThat(service.withHugeArgument(new Huge())).isEqualTo("done");
    }

    assertThat(spans()).hasSize(3);
    assertThat(spans())
        .allSatisfy(span -> assertThat(span.getAttributes().get(stringKey("huge"))).hasSize(4096));
    assertThat(CapturedLog.messages()).filteredOn(message -> message.contains("\"huge\" is longer than")).hasSize(1);
  }
}
