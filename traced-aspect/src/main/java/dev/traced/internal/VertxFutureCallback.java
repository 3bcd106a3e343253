package dev.traced.internal;

import io.vertx.core.Future;
import java.util.function.BiConsumer;

/** Registers a completion callback on a Vert.x future; see {@link VertxFutures}. */
final class VertxFutureCallback {

  private VertxFutureCallback() {}

  static void register(Object future, BiConsumer<Object, Throwable> callback) {
    ((Future<?>) future).onComplete(result -> callback.accept(result.result(), result.cause()));
  }
}
