package dev.traced.vertx;

import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Drops, before OpenTelemetry's W3C baggage parser sees them, the {@code baggage} list members
 * whose value has a percent-escape that cannot be decoded ({@code k=%zz}). The parser skips such a
 * member too, but logs a warning with a stack trace each time, so that any client could fill a
 * service's log by sending the header; dropped here, the outcome is the same and the log stays
 * quiet: one line the first time, none after.
 */
final class BaggageHeader {

  static final String NAME = "baggage";

  private static final Logger LOGGER = Logger.getLogger(VertxHeaders.class.getName());
  private static final AtomicBoolean REPORTED = new AtomicBoolean();

  private BaggageHeader() {}

  /** {@code header} without its undecodable members, or {@code null} when none is left. */
  static String withoutUndecodableMembers(String header) {
    if (header == null || header.indexOf('%') < 0) {
      return header;
    }
    StringJoiner kept = new StringJoiner(",");
    boolean dropped = false;
    for (String member : header.split(",", -1)) {
      if (decodable(member)) {
        kept.add(member);
      } else {
        dropped = true;
      }
    }
    if (dropped && REPORTED.compareAndSet(false, true)) {
      LOGGER.warning(
          "traced: ignored a baggage header member whose value has a malformed percent-escape (such as %zz);"
              + " such members are dropped, as OpenTelemetry drops them, and not reported again");
    }
    return kept.length() == 0 ? null : kept.toString();
  }

  /** Whether the member's value (between the first {@code =} and the first {@code ;}) decodes. */
  private static boolean decodable(String member) {
    int equals = member.indexOf('=');
    if (equals < 0) {
      return true;
    }
    int properties = member.indexOf(';', equals);
    int end = properties < 0 ? member.length() : properties;
    for (int i = member.indexOf('%', equals); i >= 0 && i < end; i = member.indexOf('%', i + 1)) {
      if (i + 2 >= end || Character.digit(member.charAt(i + 1), 16) < 0 || Character.digit(member.charAt(i + 2), 16) < 0) {
        return false;
      }
      i += 2;
    }
    return true;
  }
}
