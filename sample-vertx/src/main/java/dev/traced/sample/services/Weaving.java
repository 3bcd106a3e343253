package dev.traced.sample.services;

import dev.traced.internal.TracingSwitch;
import java.lang.reflect.Field;

/**
 * Whether {@code @Traced} methods are woven in this process. Unwoven code cannot say that it is
 * unwoven, so the services say it at start-up: a service started without
 * {@code -javaagent:aspectjweaver.jar} would otherwise simply export fewer spans.
 */
final class Weaving {

  private Weaving() {}

  /** One line for the start-up output. */
  static String describe() {
    if (!isWoven(Phases.class)) {
      return "@Traced methods are not woven: start with -javaagent:aspectjweaver.jar to trace them";
    }
    if (!TracingSwitch.ENABLED) {
      return "@Traced methods are woven, and tracing is switched off (traced.enabled / TRACED_ENABLED)";
    }
    return loadTimeWeaverRunning()
        ? "@Traced methods are woven (load-time weaving is active)"
        : "@Traced methods are woven (at compile time; no weaver runs)";
  }

  /** The weaver agent puts its jar on the class path; the sample itself only has aspectjrt. */
  private static boolean loadTimeWeaverRunning() {
    try {
      Class.forName("org.aspectj.weaver.loadtime.Agent", false, ClassLoader.getSystemClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The weaver gives a woven class static fields of its own, named {@code ajc$...}. */
  static boolean isWoven(Class<?> type) {
    for (Field field : type.getDeclaredFields()) {
      if (field.getName().startsWith("ajc$")) {
        return true;
      }
    }
    return false;
  }
}
