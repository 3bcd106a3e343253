package dev.traced.internal;

import io.opentelemetry.api.trace.Span;

/**
 * Recognises Vert.x futures without making Vert.x a requirement.
 *
 * <p>{@link VertxFutureCallback}, the only class that names Vert.x types, is loaded only after a
 * Vert.x {@code Future} has been seen, so applications without Vert.x never need it.
 */
final class VertxFutures {

  private static final Class<?> FUTURE = findFutureClass();

  private VertxFutures() {}

  static boolean isFuture(Object result) {
    return FUTURE != null && FUTURE.isInstance(result);
  }

  /** Ends {@code span} as {@code ending} says when {@code future}, a Vert.x future, completes. */
  static void endOnCompletion(Object future, Span span, SpanEnding ending) {
    VertxFutureCallback.register(future, span, ending);
  }

  /** Whether {@code type} is a Vert.x future type. */
  static boolean isFutureType(Class<?> type) {
    return FUTURE != null && FUTURE.isAssignableFrom(type);
  }

  /** Whether Vert.x is on the class path. */
  static boolean isPresent() {
    return FUTURE != null;
  }

  private static Class<?> findFutureClass() {
    try {
      return Class.forName("io.vertx.core.Future", false, VertxFutures.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }
}
