package dev.traced;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds the method's {@link SpanAttribute} parameters, and its return value when {@link #result()}
 * is given, to the span that is current when it is called, without starting a span of its own.
 *
 * <p>For a method that is a step of a larger operation and has something worth recording (an
 * order id, the number of rows read) but does not deserve a span: the counterpart of
 * OpenTelemetry's {@code @AddingSpanAttributes} and Micrometer's {@code @ContinueSpan}. When no
 * span is current, nothing is recorded. A method cannot be both {@code @CurrentSpan} and
 * {@link Traced}: such a method is reported once and runs as its {@code @Traced} says.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CurrentSpan {

  /**
   * When not empty, the return value is set on the current span as an attribute of this name,
   * typed like a {@link SpanAttribute} parameter; a {@code null} value records nothing.
   *
   * @return the attribute name for the return value, or empty to record nothing
   */
  String result() default "";
}
