package dev.traced.internal.weaver;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import org.aspectj.bridge.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The weaver's build time, read without the table of every zone's names, is the one AspectJ reads. */
class WeaverBuildTimeTest {

  @Test
  void theShippedWeaversTextGivesTheInstantAspectJReads() {
    assertThat(Version.getTimeText()).isNotBlank();
    assertThat(WeaverBuildTime.parse(Version.getTimeText())).isEqualTo(asAspectJReads(Version.getTimeText())).isNotEqualTo(Version.NOTIME);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Tuesday Nov 3, 2026 at 15:59:43 PST",
      "Friday Feb 29, 2024 at 00:00:00 GMT",
      "Monday Jan 1, 2024 at 09:05:07 UTC",
      "Wednesday Jul 10, 2024 at 23:59:59 EST"})
  void standardTimeZonesAndUtcGiveTheSameInstantAsAspectJ(String text) {
    assertThat(WeaverBuildTime.parse(text)).isEqualTo(asAspectJReads(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Wednesday Jul 10, 2024 at 13:47:15 PDT",
      "Wednesday Jul 10, 2024 at 13:47:15 CEST",
      "Wednesday Jul 10, 2024 at 13:47:15",
      "Wednesday Foo 10, 2024 at 13:47:15 PST",
      "Friday Feb 30, 2024 at 00:00:00 GMT",
      "${version.time_text}",
      ""})
  void anythingElseIsLeftToAspectJ(String text) {
    assertThat(WeaverBuildTime.parse(text)).isEqualTo(Version.NOTIME);
  }

  private static long asAspectJReads(String text) {
    Date date = new SimpleDateFormat(Version.SIMPLE_DATE_FORMAT, Locale.ENGLISH).parse(text, new ParsePosition(0));
    return date.getTime();
  }
}
