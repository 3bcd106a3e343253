package dev.traced.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A baggage member OpenTelemetry's parser would log a stack trace for never reaches it. */
class BaggageHeaderTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "k=v|k=v",
        "k=a%20b|k=a%20b",
        "k=%zz|NULL",
        "k=%|NULL",
        "k=%4|NULL",
        "k=%%|NULL",
        "a=1,b=%zz;p=1,c=3|a=1,c=3",
        "k=v;p=%zz|k=v;p=%zz",
        "zz9%zz|zz9%zz",
        "k=%E2%82%AC|k=%E2%82%AC"
      })
  void dropsOnlyMembersWhoseValueCannotBeDecoded(String header, String expected) {
    assertThat(BaggageHeader.withoutUndecodableMembers(header)).isEqualTo(expected);
  }

  @Test
  void hostileBaggageExtractsWithoutALogLineFromOpenTelemetryAndAtMostOneOfOurOwn() {
    List<LogRecord> records = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            records.add(record);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger root = Logger.getLogger("");
    root.addHandler(capture);
    try {
      ContextPropagators propagators = ContextPropagators.create(W3CBaggagePropagator.getInstance());
      for (int request = 0; request < 100; request++) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("baggage", "user=alice,k=%zz,j=%%").add("baggage", "x=%4");
        Context context = VertxHeaders.extract(propagators, headers);
        assertThat(Baggage.fromContext(context).asMap()).containsOnlyKeys("user");
      }
    } finally {
      root.removeHandler(capture);
    }
    assertThat(records).noneMatch(record -> record.getLoggerName().startsWith("io.opentelemetry"));
    assertThat(records).allMatch(record -> record.getThrown() == null);
    assertThat(records.size()).as("one line at most, once").isLessThanOrEqualTo(1);
  }
}
