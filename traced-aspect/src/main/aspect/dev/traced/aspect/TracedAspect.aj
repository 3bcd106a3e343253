package dev.traced.aspect;

import dev.traced.internal.MethodTracer;
import dev.traced.internal.MethodTracers;
import dev.traced.internal.TracingSwitch;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/**
 * Weaves {@link dev.traced.Traced} methods so that each call runs inside a current span.
 *
 * <p>Declared in this jar's {@code META-INF/aop.xml} for load-time weaving and picked up from
 * {@code <aspectLibraries>} for compile-time weaving; applications never call it. The advice only
 * hands over to {@link MethodTracer}, and stays in the shape the weaver can inline: it uses
 * {@code thisJoinPointStaticPart} and {@code proceed()} only, so a method without
 * {@link dev.traced.SpanAttribute} parameters never pays for a join point object or an argument
 * array. The load-time weaver inlines it only because this aspect is compiled not reweavable (see
 * this module's pom). With {@code traced.enabled=false} the {@code if()} test fails and the method runs as if
 * unwoven.
 */
public aspect TracedAspect {

  pointcut annotatedMethod(): execution(@dev.traced.Traced * *(..));

  pointcut publicMethodOfTracedType():
      execution(public * (@dev.traced.Traced *).*(..)) && within(@dev.traced.Traced *);

  pointcut tracedMethod():
      (annotatedMethod() || publicMethodOfTracedType()) && !execution(@dev.traced.NotTraced * *(..));

  pointcut recordsArguments(): execution(* *(.., @dev.traced.SpanAttribute (*), ..));

  Object around(): tracedMethod() && !recordsArguments() && if(TracingSwitch.ENABLED) {
    MethodTracer tracer = MethodTracers.of(thisJoinPointStaticPart);
    Span span = tracer.start(null);
    Scope scope = tracer.makeCurrent(span);
    Object result;
    try {
      result = proceed();
    } catch (Throwable error) {
      throw tracer.onThrow(span, scope, error);
    }
    return tracer.onReturn(span, scope, result);
  }

  Object around(): tracedMethod() && recordsArguments() && if(TracingSwitch.ENABLED) {
    MethodTracer tracer = MethodTracers.of(thisJoinPointStaticPart);
    Span span = tracer.start(thisJoinPoint.getArgs());
    Scope scope = tracer.makeCurrent(span);
    Object result;
    try {
      result = proceed();
    } catch (Throwable error) {
      throw tracer.onThrow(span, scope, error);
    }
    return tracer.onReturn(span, scope, result);
  }
}
