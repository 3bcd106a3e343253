package dev.traced.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports a problem of the tracing path once, never per call.
 *
 * <p>Tracing must not change what the traced application does, so problems are logged and
 * swallowed. A problem is identified by the method it concerns and what went wrong, so a bad
 * attribute on one method does not hide the same problem on another.
 */
final class Problems {

  private static final Logger LOGGER = Logger.getLogger("dev.traced");
  private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

  private Problems() {}

  static void reportOnce(String method, String what, Throwable cause) {
    if (REPORTED.add(method + ": " + what)) {
      LOGGER.log(Level.WARNING, "traced: " + method + ": " + what + " (reported once)", cause);
    }
  }

  static void reportOnce(String method, String what) {
    reportOnce(method, what, null);
  }
}
