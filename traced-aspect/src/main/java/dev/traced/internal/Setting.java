package dev.traced.internal;

import java.util.Locale;

/**
 * One setting of traced, read once at start-up from a system property or, when that is unset, an
 * environment variable ({@code -Dtraced.metrics=true} or {@code TRACED_METRICS=true}). Internal:
 * public only for the weaver's start-up ({@code dev.traced.internal.weaver}), whose settings answer
 * mistakes in the same words.
 *
 * @param name how the user wrote it ({@code -Dtraced.metrics} or {@code TRACED_METRICS}), for
 *     messages
 * @param value what was set, or {@code null} when neither is
 */
public record Setting(String name, String value) {

  static Setting read(String property, String variable) {
    return of(property, System.getProperty(property), variable, System.getenv(variable));
  }

  /** The system property wins over the environment. */
  static Setting of(String property, String propertyValue, String variable, String variableValue) {
    return propertyValue != null ? new Setting("-D" + property, propertyValue) : new Setting(variable, variableValue);
  }

  /**
   * The setting as a switch: {@code true/1/on/yes} and {@code false/0/off/no} in any case,
   * {@code unset} when blank or unset. Anything else is reported in one line, ending with
   * {@code outcome} ("tracing stays on"), and gives {@code unset} too.
   */
  public boolean flag(boolean unset, String outcome) {
    if (value == null || value.isBlank()) {
      return unset;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
      case "on":
      case "yes":
        return true;
      case "false":
      case "0":
      case "off":
      case "no":
        return false;
      default:
        System.err.println(
            "traced: " + name + "=\"" + value + "\" is not understood (use true/false, 1/0, on/off or yes/no); " + outcome);
        return unset;
    }
  }

  /** The comma-separated entries of a list setting, trimmed, empty ones left out. */
  String[] entries() {
    return value == null || value.isBlank() ? new String[0] : value.trim().split("\\s*,\\s*");
  }
}
