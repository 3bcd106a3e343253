package dev.traced.aspect;

import dev.traced.internal.MethodTracer;
import dev.traced.internal.MethodTracers;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;

/**
 * Traces methods that carry no annotation, chosen by a pointcut in the application's own
 * {@code META-INF/aop.xml}: the AspectJ way of the OpenTelemetry agent's
 * {@code otel.instrumentation.methods.include}, for code one cannot or will not annotate.
 *
 * <pre>{@code
 * <aspectj>
 *   <aspects>
 *     <concrete-aspect name="com.acme.TracedOrders" extends="dev.traced.aspect.TracedMethods">
 *       <pointcut name="methods" expression="execution(* com.acme.orders..*(..))"/>
 *     </concrete-aspect>
 *   </aspects>
 * </aspectj>
 * }</pre>
 *
 * <p>Only method executions are traced: {@code within(com.acme.orders..*)} traces every method of
 * those types, and the constructors, initializers, calls and field accesses a pointcut also picks
 * are left alone.
 *
 * <p>Each listed method gets a default span ({@code SimpleClassName.method}, kind INTERNAL), at the
 * same per-call cost as {@code @Traced}. A method {@code @Traced} declares keeps its own settings
 * and one span; {@code @NotTraced}, {@code @CurrentSpan}, {@code traced.exclude} and
 * {@code traced.enabled=false} apply as for {@code @Traced}. With compile-time weaving, extend it
 * in code: {@code aspect TracedOrders extends TracedMethods { pointcut methods(): ...; }}.
 */
public abstract aspect TracedMethods {

  /**
   * The methods to trace: an {@code execution(...)} pointcut, or any other that names them, such as
   * {@code within(com.acme.orders..*)}. Only the executions of methods it picks are traced.
   */
  public abstract pointcut methods();

  // A pointcut that names types, such as within(com.acme..*), also picks their constructors,
  // initializers, field accesses and the calls they make, none of which is a method of theirs to
  // trace: around advice on some of them cannot even be woven.
  private pointcut methodExecutions(): methods() && execution(* *(..));

  // The same shape as TracedAspect's first advice, so that the weaver inlines it likewise. Where
  // both aspects may weave a method (one that may override a @Traced method), each asks its own
  // tracer, and exactly one of the two traces it.
  Object around():
      methodExecutions() && !TracedAspect.annotatedMethod() && !TracedAspect.publicMethodOfTracedType()
          && !execution(@dev.traced.NotTraced * *(..))
          && !execution(@dev.traced.CurrentSpan * *(..)) && !execution(synthetic * *(..))
          && TracedAspect.enabled() {
    MethodTracer tracer = MethodTracers.listed(thisJoinPointStaticPart);
    Span span = tracer.start();
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
