package dev.traced.internal.weaver;

import java.lang.reflect.Field;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aspectj.bridge.Version;

/**
 * Spares the load-time weaver parsing its own build date: 0.15 to 0.2 s of every start that weaves,
 * on two cores ({@code docs/performance.md}).
 *
 * <p>AspectJ stamps each class it weaves with the time the weaver was built, which it parses once
 * from text such as {@code Tuesday Nov 3, 2026 at 15:59:43 PST} with a {@code SimpleDateFormat}.
 * To read the zone abbreviation, that format loads the names of every time zone of the default
 * locale. Here the same instant is read without them, and handed to AspectJ's {@code Version}, which
 * then skips its own parse. The stamp is only information in the woven class; what matters is that
 * it costs nothing. Only text in that form, with a zone whose name alone gives its offset (GMT,
 * UTC, PST, ...), is read; anything else, or a {@code Version} without the field, is left to
 * AspectJ, as before.
 */
final class WeaverBuildTime {

  private static final Pattern TEXT =
      Pattern.compile("\\p{Alpha}+ (\\p{Alpha}{3}) (\\d{1,2}), (\\d{4}) at (\\d{1,2}):(\\d{2}):(\\d{2}) (\\p{Alpha}+)");
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

  /**
   * Zone names whose offset is the same wherever the JVM runs, as a {@code SimpleDateFormat} reads
   * them: GMT and UTC, and the standard-time names of the North American zones AspectJ is released
   * from. Others (PDT, CEST, CST, which is also China's, ...) are left to AspectJ. Written out, not
   * looked up: {@code TimeZone.getTimeZone("PST")} makes JDK 25 warn on standard error.
   */
  private static final Map<String, ZoneOffset> STANDARD_TIME = Map.of(
      "GMT", ZoneOffset.UTC, "UTC", ZoneOffset.UTC, "UT", ZoneOffset.UTC,
      "EST", ZoneOffset.ofHours(-5), "MST", ZoneOffset.ofHours(-7), "PST", ZoneOffset.ofHours(-8),
      "HST", ZoneOffset.ofHours(-10));

  private WeaverBuildTime() {}

  /** Gives AspectJ its build time, unless it has it already or its text is not read here. */
  static void settle() {
    long time = parse(Version.getTimeText());
    if (time == Version.NOTIME) {
      return;
    }
    try {
      Field parsed = Version.class.getDeclaredField("time");
      parsed.setAccessible(true);
      if (parsed.getLong(null) == -1) {
        parsed.setLong(null, time);
      }
    } catch (ReflectiveOperationException | RuntimeException otherAspectJ) {
      // A Version without this field parses its text itself, as it always has.
    }
  }

  /** The instant AspectJ's build-time text names, in milliseconds, or {@code Version.NOTIME}. */
  static long parse(String text) {
    Matcher matcher = TEXT.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      return Version.NOTIME;
    }
    int month = MONTHS.indexOf(matcher.group(1));
    if (month % 3 != 0) {
      return Version.NOTIME;
    }
    try {
      LocalDateTime local = LocalDateTime.of(
          Integer.parseInt(matcher.group(3)), month / 3 + 1, Integer.parseInt(matcher.group(2)),
          Integer.parseInt(matcher.group(4)), Integer.parseInt(matcher.group(5)), Integer.parseInt(matcher.group(6)));
      ZoneOffset offset = STANDARD_TIME.get(matcher.group(7));
      return offset == null ? Version.NOTIME : local.toEpochSecond(offset) * 1000;
    } catch (RuntimeException impossibleDate) {
      return Version.NOTIME;
    }
  }
}
