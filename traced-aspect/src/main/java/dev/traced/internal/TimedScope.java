package dev.traced.internal;

import io.opentelemetry.context.Scope;

/**
 * The scope of a call whose duration is recorded ({@link MethodMetrics}), carrying when the call
 * began from the advice's {@code makeCurrent} to its {@code onReturn} or {@code onThrow}, so that
 * the advice keeps its shape and methods without metrics pay nothing for them.
 */
final class TimedScope implements Scope {

  private final Scope scope;
  final long startNanos;

  TimedScope(Scope scope, long startNanos) {
    this.scope = scope;
    this.startNanos = startNanos;
  }

  @Override
  public void close() {
    scope.close();
  }
}
