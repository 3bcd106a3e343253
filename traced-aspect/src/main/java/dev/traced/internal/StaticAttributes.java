package dev.traced.internal;

import io.opentelemetry.api.common.AttributesBuilder;

/** Parses {@code @Traced(attributes = {"key=value", ...})} once per method. */
final class StaticAttributes {

  private StaticAttributes() {}

  /**
   * Adds each well-formed entry to {@code attributes}; an entry without {@code =} or with an empty
   * key is reported once and skipped. The value is everything after the first {@code =}.
   */
  static void parse(String[] entries, String method, AttributesBuilder attributes) {
    for (String entry : entries) {
      int equals = entry == null ? -1 : entry.indexOf('=');
      String key = equals < 0 ? "" : entry.substring(0, equals).trim();
      if (key.isEmpty()) {
        Problems.reportOnce(
            method, "skipped attribute \"" + entry + "\": expected \"key=value\" with a non-empty key");
        continue;
      }
      attributes.put(key, entry.substring(equals + 1));
    }
  }
}
