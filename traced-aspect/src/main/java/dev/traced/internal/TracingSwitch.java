package dev.traced.internal;

import java.util.Locale;

/**
 * The on/off switch of the aspect, read once at start-up.
 *
 * <p>{@code -Dtraced.enabled=false} (or the environment variable {@code TRACED_ENABLED=false})
 * turns every woven method into a plain call. The flag is a constant so that the JIT folds the
 * aspect's {@code if()} test away.
 */
public final class TracingSwitch {

  static final String PROPERTY = "traced.enabled";
  static final String VARIABLE = "TRACED_ENABLED";

  /** Whether woven methods create spans. */
  public static final boolean ENABLED = isEnabled(System.getProperty(PROPERTY), System.getenv(VARIABLE));

  private TracingSwitch() {}

  /**
   * The system property wins over the environment. {@code true/1/on/yes} and
   * {@code false/0/off/no} are understood in any case; anything else is reported in one line and
   * leaves tracing on, as when nothing is set.
   */
  static boolean isEnabled(String systemProperty, String environment) {
    String setting = systemProperty != null ? systemProperty : environment;
    String name = systemProperty != null ? "-D" + PROPERTY : VARIABLE;
    Boolean value = parse(setting);
    if (value == null) {
      System.err.println(
          "traced: " + name + "=\"" + setting + "\" is not understood (use true/false, 1/0, on/off or yes/no);"
              + " tracing stays on");
      return true;
    }
    return value;
  }

  /** {@code true} or {@code false} for a switch value, also when unset or blank; {@code null} if malformed. */
  static Boolean parse(String setting) {
    if (setting == null || setting.isBlank()) {
      return Boolean.TRUE;
    }
    switch (setting.trim().toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
      case "on":
      case "yes":
        return Boolean.TRUE;
      case "false":
      case "0":
      case "off":
      case "no":
        return Boolean.FALSE;
      default:
        return null;
    }
  }
}
