package dev.traced;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records a parameter of a {@link Traced} method as an attribute of its span, or of a
 * {@link CurrentSpan} method as an attribute of the span current at the call.
 *
 * <p>Arguments are never recorded unless their parameter carries this annotation, and only the
 * methods that have one pay for reading their arguments. The annotation is read from the method
 * that runs: on an implementation of a {@code @Traced} interface method, annotate the
 * implementation's parameters. The value is read when the span starts and typed by the
 * parameter's declared type:
 *
 * <ul>
 *   <li>{@code String}: a string attribute;
 *   <li>{@code byte}, {@code short}, {@code int}, {@code long} and their boxes: a long;
 *   <li>{@code float}, {@code double} and their boxes: a double;
 *   <li>{@code boolean} and {@code Boolean}: a boolean;
 *   <li>arrays and {@code List}s of those: a typed array attribute;
 *   <li>anything else: its {@code toString()};
 *   <li>{@code null}: no attribute.
 * </ul>
 *
 * <p>Keep secrets out of span attributes: everything recorded here is exported to the tracing
 * backend.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface SpanAttribute {

  /**
   * The attribute name. When empty, the parameter's name, which is only known when the class was
   * compiled with {@code javac -parameters}; without it the attribute is skipped and one warning
   * names the method.
   *
   * @return the attribute name, or empty for the parameter's name
   */
  String value() default "";
}
