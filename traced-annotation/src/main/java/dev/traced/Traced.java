package dev.traced;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method inside an OpenTelemetry span that is current for the whole call.
 *
 * <p>This is the Java counterpart of a Python {@code @traced("phase-1")} decorator that wraps a
 * function in {@code tracer.start_as_current_span(name)}. The span is created by the
 * {@code traced-aspect} AspectJ aspect, woven at load time ({@code -javaagent:aspectjweaver.jar})
 * or at compile time; the annotation itself has no dependencies, so it can sit on any class.
 *
 * <p>On a method, that method is traced whatever its visibility, static or not, and also when it
 * is called from inside its own class. On a type, every public method declared in that type is
 * traced (not constructors, not synthetic or lambda methods); a method's own {@code @Traced}
 * overrides the type's, and {@link NotTraced} opts a method out.
 *
 * <p>A {@code @Traced} declared on an interface or a superclass, on a method or on the type, also
 * traces the implementations and overrides of those methods; the most specific declaration wins
 * (the method's own, then its class's, then the nearest supertype's).
 *
 * <p>When the method returns an asynchronous result (a {@code CompletionStage}, a Vert.x
 * {@code Future}, a Reactor {@code Mono}...), the span stays open until that result completes;
 * the README lists the kinds and what the caller gets back.
 *
 * <p>An exception thrown by the method (or a failed asynchronous result) is recorded as an
 * exception event and sets the span's status to ERROR, unless its type is listed in
 * {@link #expected()}; the same exception instance is always rethrown unchanged.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Traced {

  /**
   * The span name. When empty, the name is {@code SimpleClassName.methodName}.
   *
   * @return the span name, or empty for the default
   */
  String value() default "";

  /**
   * The span kind.
   *
   * @return the kind, {@link Kind#INTERNAL} unless the method serves or calls a remote peer
   */
  Kind kind() default Kind.INTERNAL;

  /**
   * Static attributes added to every span of this method, as {@code "key=value"} strings, for
   * example {@code {"name=wilson", "addr=cd"}}. The value is everything after the first
   * {@code =} and may be empty. An entry without {@code =} or with an empty key is reported once
   * and skipped; it never breaks the call.
   *
   * @return the static attributes
   */
  String[] attributes() default {};

  /**
   * Starts a new trace (a root span) instead of joining the current one.
   *
   * @return whether the span ignores the current context as its parent
   */
  boolean newTrace() default false;

  /**
   * With {@link #newTrace()}, links the new trace's root span to the span that was current at the
   * call, so that a batch job or a message consumer that starts its own trace still points back
   * to where it came from. No link is added when no span was current. Baggage stays visible inside
   * the new trace either way.
   *
   * @return whether the new root span carries a link to the caller's span
   */
  boolean linkCaller() default false;

  /**
   * Also records the call's duration in the histogram {@code traced.method.duration} (unit
   * {@code s}) of the global {@code MeterProvider}, with the attribute {@code code.function.name}
   * and, when the call fails, {@code error.type} (the exception's class name). An asynchronous
   * method is measured until its result completes. Off by default; {@code -Dtraced.metrics=true}
   * (or {@code TRACED_METRICS=true}) turns it on for every traced method.
   *
   * @return whether the call's duration is recorded as a metric too
   */
  boolean metrics() default false;

  /**
   * When not empty, the return value is recorded as an attribute of this name; for an
   * asynchronous method, the value its result completes with. The value is typed like a
   * {@link SpanAttribute} parameter; a {@code null} value records nothing.
   *
   * @return the attribute name for the return value, or empty to record nothing
   */
  String result() default "";

  /**
   * Exceptions that are part of the method's normal contract (a "not found", a validation
   * failure). Exceptions of these types or their subtypes are still recorded as exception
   * events, but do not set the span's status to ERROR.
   *
   * @return the expected exception types
   */
  Class<? extends Throwable>[] expected() default {};

  /**
   * The kind of a span, mirroring OpenTelemetry's {@code SpanKind} so that this module needs no
   * OpenTelemetry dependency.
   */
  enum Kind {
    /** An operation inside the application; the default. */
    INTERNAL,
    /** The server side of a synchronous remote call, such as an HTTP request handler. */
    SERVER,
    /** The client side of a synchronous remote call, such as an outgoing HTTP request. */
    CLIENT,
    /** The creator of an asynchronous job, such as a message sent to a queue. */
    PRODUCER,
    /** The processor of an asynchronous job, such as a message received from a queue. */
    CONSUMER
  }
}
