package dev.traced.internal;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import dev.traced.testing.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(CapturedLog.class)
class StaticAttributesTest {

  private static Attributes parse(String... entries) {
    AttributesBuilder builder = Attributes.builder();
    StaticAttributes.parse(entries, "Test.method", builder);
    return builder.build();
  }

  @Test
  void splitsAtTheFirstEquals() {
    Attributes attributes = parse("name=wilson", "url=http://x/?a=b", " spaced = value ");

    assertThat(attributes.get(stringKey("name"))).isEqualTo("wilson");
    assertThat(attributes.get(stringKey("url"))).isEqualTo("http://x/?a=b");
    assertThat(attributes.get(stringKey("spaced"))).isEqualTo(" value ");
  }

  @Test
  void allowsAnEmptyValue() {
    assertThat(parse("flag=").get(stringKey("flag"))).isEmpty();
  }

  @Test
  void skipsEntriesWithoutEqualsOrKey() {
    assertThat(parse("no-equals", "=value", " =value", "", "ok=1").size()).isEqualTo(1);
    assertThat(CapturedLog.messages())
        .contains("traced: Test.method: skipped attribute \"no-equals\": expected \"key=value\" with a non-empty key (reported once)");
  }
}
