package dev.traced.internal;

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

  /** The system property wins over the environment; a malformed value leaves tracing on. */
  static boolean isEnabled(String systemProperty, String environment) {
    return Setting.of(PROPERTY, systemProperty, VARIABLE, environment).flag(true, "tracing stays on");
  }
}
