package dev.traced.sample.services;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs a failure the first time it is seen, and never again: a backend that is down fails every
 * request the same way, and a line per request would bury everything else (and lets any client
 * fill the log). Distinct failures are told apart by their type and message, and at most
 * {@value #LIMIT} of them are logged, however varied the messages.
 */
final class DistinctFailures {

  static final int LIMIT = 100;

  private final Logger logger;
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  DistinctFailures(Logger logger) {
    this.logger = logger;
  }

  /** Logs {@code what} and the cause of {@code failure} in one line, unless already logged. */
  void log(String what, Throwable failure) {
    log(what, "", failure);
  }

  /**
   * As {@link #log(String, Throwable)}, with {@code detail} (such as a request's path) added to the
   * line but not to what tells failures apart: a client choosing the detail cannot make a known
   * failure log again, nor use up the {@value #LIMIT}.
   */
  void log(String what, String detail, Throwable failure) {
    String cause = describe(failure);
    if (seen.size() < LIMIT && seen.add(what + cause)) {
      logger.log(Level.WARNING, what + detail + ": " + cause + " (logged once)");
    }
  }

  /** The innermost cause's type and message. */
  static String describe(Throwable failure) {
    Throwable cause = innermostCause(failure);
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  static Throwable innermostCause(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
