package dev.traced.vertx;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.vertx.core.Handler;

/**
 * Runs Vert.x callbacks in the OpenTelemetry context that was current when they were created.
 *
 * <p>OpenTelemetry keeps the current context in a thread local, but Vert.x runs a callback later,
 * on an event loop that has moved on to other work: a span started in the callback would lose its
 * parent. Wrapping the callback carries the context over, and detaches it again when the callback
 * returns, so nothing is left attached to the event loop for the next request to inherit:
 *
 * <pre>{@code
 * try (Scope ignored = span.makeCurrent()) {
 *   client.get(port, host, "/").send()
 *       .onComplete(ContextualHandlers.withCurrentContext(response -> { ... }));
 * }
 * }</pre>
 *
 * <p>For {@code compose} and {@code map}, which take a {@code java.util.function.Function}, use
 * OpenTelemetry's own {@code Context.current().wrapFunction(...)}.
 */
public final class ContextualHandlers {

  private ContextualHandlers() {}

  /** Wraps {@code handler} to run in the context current now. */
  public static <T> Handler<T> withCurrentContext(Handler<T> handler) {
    return withContext(Context.current(), handler);
  }

  /** Wraps {@code handler} to run in {@code context}. */
  public static <T> Handler<T> withContext(Context context, Handler<T> handler) {
    return event -> {
      try (Scope ignored = context.makeCurrent()) {
        handler.handle(event);
      }
    };
  }
}
