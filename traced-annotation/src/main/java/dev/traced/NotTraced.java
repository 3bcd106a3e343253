package dev.traced;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opts a method out of its class's {@link Traced}: the method runs without a span of its own.
 *
 * <p>Use it for cheap or chatty methods (accessors, {@code toString}) of a class that is traced
 * as a whole. It also wins over a {@code @Traced} on the same method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotTraced {}
