package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;

/**
 * One kind of asynchronous result a {@code @Traced} method may return, such as a
 * {@code CompletionStage} or a Reactor {@code Mono}: ends the call's span when the result
 * completes, fails or is cancelled, instead of when the method returns.
 *
 * <p>One class per kind, side by side in this package, each registered by one line in
 * {@link AsyncKinds} and loaded only when its library is on the class path. Chosen once per
 * method from its declared return type.
 */
public interface AsyncKind {

  /**
   * Arranges for {@code span} to end, as {@code ending} says, when {@code result} (never
   * {@code null}) completes; ends it at once when the result has completed already.
   *
   * @return what the caller gets: {@code result} itself, or a wrapper of it for the lazy kinds
   */
  Object endOnCompletion(Object result, Span span, SpanEnding ending);

  /**
   * Whether a result of this kind is a stream of items rather than one value: {@code result =
   * "name"} then records the number of items, not a value.
   */
  default boolean isStream() {
    return false;
  }
}
