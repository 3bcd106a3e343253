package dev.traced.internal;

/**
 * The on/off switch of the aspect, read once at start-up.
 *
 * <p>{@code -Dtraced.enabled=false} (or the environment variable {@code TRACED_ENABLED=false})
 * turns every woven method into a plain call. The flag is a constant so that the JIT folds the
 * aspect's {@code if()} test away.
 */
public final class TracingSwitch {

  /** Whether woven methods create spans. */
  public static final boolean ENABLED =
      isEnabled(System.getProperty("traced.enabled"), System.getenv("TRACED_ENABLED"));

  private TracingSwitch() {}

  /** The system property wins over the environment; anything but "false" means on. */
  static boolean isEnabled(String systemProperty, String environment) {
    String setting = systemProperty != null ? systemProperty : environment;
    return setting == null || !setting.trim().equalsIgnoreCase("false");
  }
}
