package dev.traced.internal;

import dev.traced.internal.async.AsyncKind;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import java.util.Map;
import org.aspectj.lang.JoinPoint;

/**
 * Traces the calls of one woven method: starts its span, makes it current, and ends it with the
 * call's outcome.
 *
 * <p>One instance per method, holding everything the annotations say, worked out once by
 * {@link MethodTracerFactory}, so that a call only does what the span itself needs. No method
 * here throws: a failure of the tracing path is reported once and the traced method goes on as
 * if it were not traced.
 */
public final class MethodTracer {

  private final JoinPoint.StaticPart joinPoint;
  private final String method;
  private final String spanName;
  private final SpanKind kind;
  private final boolean newTrace;
  private final boolean linkCaller;
  // The attributes = {...} of the annotation, null when there are none (the common case): at
  // 10,000 methods every object a call reads besides the tracer is a cache miss of its own.
  // code.function.name is the field method.
  private final AttributeKey<Object>[] staticKeys;
  private final Object[] staticValues;
  /** By parameter position, {@code null} where a parameter records nothing. */
  private final AttributeBinding<?>[] argumentBindings;
  // The first three again, as fields: the by-position path then reaches each binding in one load,
  // with no array and no per-parameter record between (7 ns less a call with two attributes).
  private final AttributeBinding<?> first;
  private final AttributeBinding<?> second;
  private final AttributeBinding<?> third;
  private final SpanEnding ending;
  /** The kind of asynchronous result, chosen from the declared return type; {@code null} if synchronous. */
  private final AsyncKind async;
  /**
   * False for a woven method that must run untraced after all, such as a record's accessor: the
   * tracer {@link #untraced} makes, the only one without an ending.
   */
  private final boolean traced;
  /** Whether a call ends with {@code span.end()} and nothing else (synchronous, no result, no metric): no object to read. */
  private final boolean endsPlainly;

  MethodTracer(
      JoinPoint.StaticPart joinPoint,
      String method,
      String spanName,
      SpanKind kind,
      boolean newTrace,
      boolean linkCaller,
      Attributes staticAttributes,
      AttributeBinding<?>[] argumentBindings,
      SpanEnding ending,
      AsyncKind async) {
    this.joinPoint = joinPoint;
    this.method = method;
    this.spanName = spanName;
    this.kind = kind;
    this.newTrace = newTrace;
    this.linkCaller = linkCaller;
    Map<AttributeKey<?>, Object> attributes = staticAttributes.asMap();
    this.staticKeys = attributes.isEmpty() ? null : keys(attributes);
    this.staticValues = attributes.isEmpty() ? null : attributes.values().toArray();
    this.argumentBindings = argumentBindings;
    this.first = binding(argumentBindings, 0);
    this.second = binding(argumentBindings, 1);
    this.third = binding(argumentBindings, 2);
    this.ending = ending;
    this.async = async;
    this.traced = ending != null;
    this.endsPlainly = ending != null && ending.isPlain() && async == null;
  }

  /** A tracer whose calls run as if the method were not woven: no span, nothing made current. */
  static MethodTracer untraced(JoinPoint.StaticPart joinPoint, String method) {
    return new MethodTracer(joinPoint, method, method, SpanKind.INTERNAL, false, false, Attributes.empty(),
        new AttributeBinding<?>[0], null, null);
  }

  /** Starts the span of a call that records no argument, a child of the current context unless {@code newTrace}. */
  public Span start() {
    if (!traced) {
      return Span.getInvalid();
    }
    try {
      return builder().startSpan();
    } catch (Throwable e) {
      return couldNotStart(e);
    }
  }

  /**
   * Starts the span of a call to a method of up to three parameters, its arguments by position.
   *
   * @param a2 the third argument, or {@code null} when the method has fewer parameters (likewise
   *     {@code a1})
   * @return the started span, or an invalid (no-op) span if tracing failed
   */
  public Span start(Object a0, Object a1, Object a2) {
    if (!traced) {
      return Span.getInvalid();
    }
    try {
      SpanBuilder builder = builder();
      if (first != null) {
        first.setOn(builder, a0);
      }
      if (second != null) {
        second.setOn(builder, a1);
      }
      if (third != null) {
        third.setOn(builder, a2);
      }
      return builder.startSpan();
    } catch (Throwable e) {
      return couldNotStart(e);
    }
  }

  /**
   * Starts the span of a call to a method of any number of parameters, its arguments in an array.
   *
   * @param arguments the call's arguments, all of them
   * @return the started span, or an invalid (no-op) span if tracing failed
   */
  public Span start(Object[] arguments) {
    if (!traced) {
      return Span.getInvalid();
    }
    try {
      SpanBuilder builder = builder();
      for (int i = 0; i < argumentBindings.length; i++) {
        if (argumentBindings[i] != null) {
          argumentBindings[i].setOn(builder, arguments[i]);
        }
      }
      return builder.startSpan();
    } catch (Throwable e) {
      return couldNotStart(e);
    }
  }

  /**
   * Makes {@code span} current for the call; the scope must be closed on the same thread. The
   * invalid span of a call that is not traced, or whose span could not start, is not made current:
   * the caller's span stays the parent of what the method does.
   */
  public Scope makeCurrent(Span span) {
    if (span == Span.getInvalid()) {
      return Scope.noop();
    }
    try {
      Scope scope = span.makeCurrent();
      // A span of the SDK knows its own duration; any other timed call carries its start.
      return ending.isTimed() && !SpanLatency.isMeasuredBySdk(span) ? new TimedScope(scope, System.nanoTime()) : scope;
    } catch (Throwable e) {
      Problems.reportOnce(method, "could not make the span current", e);
      return Scope.noop();
    }
  }

  /**
   * Ends the call's scope, and its span now or, for an asynchronous result, when that completes.
   *
   * @return {@code result}, the same instance; for a lazy result (a publisher) a wrapper of it
   *     whose first subscription ends the span
   */
  public Object onReturn(Span span, Scope scope, Object result) {
    close(scope);
    // Not traced, not started, or no SDK yet: there is no span to end.
    if (span == Span.getInvalid()) {
      return result;
    }
    try {
      if (endsPlainly) {
        span.end();
        return result;
      }
      long startNanos = startNanos(scope);
      if (async == null || result == null) {
        ending.returned(span, result, startNanos);
        return result;
      }
      return async.endOnCompletion(result, span, startNanos != 0 ? ending.forCallStartedAt(startNanos) : ending);
    } catch (Throwable e) {
      Problems.reportOnce(method, "could not end the span", e);
      return result;
    }
  }

  /**
   * Ends the call's scope and span with {@code error}, then throws that very instance, checked or
   * not. The declared return type only lets the advice write {@code throw onThrow(...)}.
   */
  public RuntimeException onThrow(Span span, Scope scope, Throwable error) {
    close(scope);
    if (span == Span.getInvalid()) {
      throw MethodTracer.<RuntimeException>rethrow(error);
    }
    try {
      ending.failed(span, error, startNanos(scope));
    } catch (Throwable e) {
      Problems.reportOnce(method, "could not end the span", e);
    }
    throw MethodTracer.<RuntimeException>rethrow(error);
  }

  /** When a timed call began; 0 for a call that is not timed, or whose span measures itself. */
  private static long startNanos(Scope scope) {
    return scope instanceof TimedScope timed ? timed.startNanos : 0;
  }

  private SpanBuilder builder() {
    SpanBuilder builder = GlobalTracer.get().spanBuilder(spanName).setSpanKind(kind);
    // One call per attribute: setAllAttributes would allocate a callback on every call.
    if (staticKeys != null) {
      for (int i = 0; i < staticKeys.length; i++) {
        builder.setAttribute(staticKeys[i], staticValues[i]);
      }
    }
    builder.setAttribute(MethodTracerFactory.CODE_FUNCTION_NAME, method);
    if (newTrace) {
      builder.setNoParent();
      if (linkCaller) {
        SpanContext caller = Span.current().getSpanContext();
        if (caller.isValid()) {
          builder.addLink(caller);
        }
      }
    }
    return builder;
  }

  private Span couldNotStart(Throwable e) {
    Problems.reportOnce(method, "could not start a span", e);
    return Span.getInvalid();
  }

  private static AttributeBinding<?> binding(AttributeBinding<?>[] argumentBindings, int position) {
    return position < argumentBindings.length ? argumentBindings[position] : null;
  }

  @SuppressWarnings("unchecked")
  private static AttributeKey<Object>[] keys(Map<AttributeKey<?>, Object> attributes) {
    return attributes.keySet().toArray(new AttributeKey[0]);
  }

  /** Whether this is the tracer of {@code joinPoint}. */
  boolean tracesAt(JoinPoint.StaticPart joinPoint) {
    return this.joinPoint == joinPoint;
  }

  String spanName() {
    return spanName;
  }

  /** Throws any throwable without declaring it: the traced method already declares it. */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E rethrow(Throwable error) throws E {
    throw (E) error;
  }

  private void close(Scope scope) {
    try {
      scope.close();
    } catch (Throwable e) {
      Problems.reportOnce(method, "could not close the span's scope", e);
    }
  }
}
