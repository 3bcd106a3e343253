package dev.traced.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.util.List;
import java.util.Spliterators;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class VertxHeadersTest {

  private static final String PARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @Test
  void readsASingleHeaderWhateverItsCase() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("TraceParent", PARENT);

    assertThat(VertxHeaders.GETTER.get(headers, "traceparent")).isEqualTo(PARENT);
  }

  @Test
  void aMissingHeaderIsAbsent() {
    assertThat(VertxHeaders.GETTER.get(MultiMap.caseInsensitiveMultiMap(), "traceparent")).isNull();
    assertThat(VertxHeaders.GETTER.get(null, "traceparent")).isNull();
  }

  @Test
  void repeatedTracestateHeadersAreOneList() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("tracestate", "a=1,b=2").add("tracestate", "c=3");

    assertThat(VertxHeaders.GETTER.get(headers, "tracestate")).isEqualTo("a=1,b=2,c=3");
  }

  @Test
  void aRepeatedTraceparentIsInvalid() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("traceparent", PARENT).add("traceparent", PARENT);

    assertThat(VertxHeaders.GETTER.get(headers, "traceparent")).isNull();
  }

  @Test
  void getAllListsEveryValue() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("baggage", "a=1").add("baggage", "b=2");

    List<String> values =
        StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(VertxHeaders.GETTER.getAll(headers, "baggage"), 0), false)
            .toList();
    assertThat(values).containsExactly("a=1", "b=2");
  }

  @Test
  void keysAreTheHeaderNames() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("traceparent", PARENT).add("accept", "*/*");

    assertThat(VertxHeaders.GETTER.keys(headers)).containsExactlyInAnyOrder("traceparent", "accept");
  }

  @Test
  void theSetterReplacesSoAHeaderIsNeverSentTwice() {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("traceparent", "stale");

    VertxHeaders.SETTER.set(headers, "traceparent", PARENT);

    assertThat(headers.getAll("traceparent")).containsExactly(PARENT);
  }
}
