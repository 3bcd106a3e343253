package dev.traced.aspect;

import dev.traced.internal.MethodTracer;
import dev.traced.internal.MethodTracers;
import dev.traced.internal.TracingSwitch;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import org.aspectj.lang.annotation.SuppressAjWarnings;

/**
 * Weaves {@link dev.traced.Traced} methods so that each call runs inside a current span.
 *
 * <p>Declared in this jar's {@code META-INF/aop.xml} for load-time weaving and picked up from
 * {@code <aspectLibraries>} for compile-time weaving; applications never call it. The advice only
 * hands over to {@link MethodTracer}, and stays in the shape the weaver can inline: it uses
 * {@code thisJoinPointStaticPart}, arguments bound by position and {@code proceed()}, so a call
 * pays for no join point object and no argument array. Only a method of four parameters or more
 * that records some of them with {@link dev.traced.SpanAttribute} reads its arguments from
 * {@code thisJoinPoint}. The load-time weaver inlines the advice only because this aspect is
 * compiled not reweavable (see this module's pom). With {@code traced.enabled=false} the
 * {@code if()} test fails and the method runs as if unwoven.
 */
public aspect TracedAspect {

  public pointcut annotatedMethod(): execution(@dev.traced.Traced * *(..));

  // A type pattern in execution() also matches the methods that override or implement the type's
  // own: a class-level @Traced on an interface or a superclass traces its methods in every
  // implementation.
  public pointcut publicMethodOfTracedType():
      execution(public * (@dev.traced.Traced *).*(..)) && !memberEveryRecordOrEnumHas();

  // A class-level @Traced means the class's own work: the members the language gives every record
  // and enum are traced only when annotated themselves. Left unwoven here, so that a record used
  // as a map key pays nothing a call; TracedDeclaration decides for those a pointcut cannot name
  // (record accessors) and those woven because they may override a @Traced method.
  pointcut memberEveryRecordOrEnumHas():
      execution(public boolean java.lang.Record+.equals(Object))
          || execution(public int java.lang.Record+.hashCode())
          || execution(public String java.lang.Record+.toString())
          || execution(public static * java.lang.Enum+.values())
          || execution(public static * java.lang.Enum+.valueOf(String));

  // Method annotations are not inherited, and AspectJ can only say "a type that has, or inherits, a
  // @Traced method" (hasmethod, allowed in declare statements only). So such types are marked, every
  // method of theirs that could override one is woven, and TracedDeclaration decides on its first
  // call whether it does: those that do not run untraced.
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
  @interface HasTracedMethod {}

  declare @type: hasmethod(@dev.traced.Traced * *(..)) : @HasTracedMethod;

  pointcut mayOverrideTracedMethod():
      execution(!static !private * *(..)) && within(@HasTracedMethod *);

  // The weaver can pass a class over before it reads any method's code only when every advice has
  // a part it decides from the class alone: the shape execution(* (@A *).*(..)), with A on the
  // class itself (within(@A *) is not decided that way). These marks make that part, and every
  // method that can be traced sits in a class that has one: a @Traced or @CurrentSpan method of
  // its own or inherited (hasmethod sees both), or a method inherited from a @Traced type. A class
  // with none costs the weaver 0.33 ms instead of 0.69 (docs/performance.md).
  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
  @interface InTracedType {}

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)
  @interface HasCurrentSpanMethod {}

  declare @type: hasmethod(* (@dev.traced.Traced *).*(..)) : @InTracedType;

  declare @type: hasmethod(@dev.traced.CurrentSpan * *(..)) : @HasCurrentSpanMethod;

  pointcut inTracedType():
      execution(* (@HasTracedMethod *).*(..)) || execution(* (@InTracedType *).*(..));

  pointcut inCurrentSpanType(): execution(* (@HasCurrentSpanMethod *).*(..));

  // A method's own annotation is the most specific: @NotTraced opts out, and @CurrentSpan means no
  // span of its own, unless the method also says @Traced (reported, and traced). Bridges and
  // lambdas are synthetic: the method they lead to is traced, once.
  public pointcut tracedMethod():
      (annotatedMethod() || publicMethodOfTracedType() || mayOverrideTracedMethod())
          && !execution(@dev.traced.NotTraced * *(..))
          && !(execution(@dev.traced.CurrentSpan * *(..)) && !annotatedMethod())
          && !execution(synthetic * *(..))
          && inTracedType();

  // A method whose @Traced comes from a supertype may find its @SpanAttribute there too, which no
  // pointcut can see: such methods with parameters always take the advice that reads arguments.
  public pointcut recordsArguments():
      execution(* *(.., @dev.traced.SpanAttribute (*), ..))
          || (execution(* *(*, ..)) && !annotatedMethod() && !within(@dev.traced.Traced *));

  // A pointcut of its own, with no formals: an if() beside args(a0, ...) would be handed the
  // bound arguments, and the woven method would box a primitive one again just for the test.
  public pointcut enabled(): if(TracingSwitch.ENABLED);

  // Each advice serves one shape of method, and an application rarely has all five: compile-time
  // weaving would warn about the unused ones in every build that uses this library.

  @SuppressAjWarnings("adviceDidNotMatch")
  Object around(): tracedMethod() && !recordsArguments() && enabled() {
    MethodTracer tracer = MethodTracers.of(thisJoinPointStaticPart);
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

  // Up to three parameters, the arguments are bound by position: no join point object and no
  // argument array. A primitive argument is boxed once, as the span attribute boxes it anyway.

  @SuppressAjWarnings("adviceDidNotMatch")
  Object around(Object a0): tracedMethod() && recordsArguments() && args(a0) && enabled() {
    MethodTracer tracer = MethodTracers.of(thisJoinPointStaticPart);
    Span span = tracer.start(a0, null, null);
    Scope scope = tracer.makeCurrent(span);
    Object result;
    try {
      result = proceed(a0);
    } catch (Throwable error) {
      throw tracer.onThrow(span, scope, error);
    }
    return tracer.onReturn(span, scope, result);
  }

  @SuppressAjWarnings("adviceDidNotMatch")
  Object around(Object a0, Object a1): tracedMethod() && recordsArguments() && args(a0, a1) && enabled() {
    MethodTracer tracer = MethodTracers.of(thisJoinPointStaticPart);
    Span span = tracer.start(a0, a1, null);
    Scope scope = tracer.makeCurrent(span);
    Object result;
    try {
      result = proceed(a0, a1);
    } catch (Throwable error) {
      throw tracer.onThrow(span, scope, error);
    }
    return tracer.onReturn(span, scope, result);
  }

  @SuppressAjWarnings("adviceDidNotMatch")
  Object around(Object a0, Object a1, Object a2):
      tracedMethod() && recordsArguments() && args(a0, a1, a2) && enabled() {
    MethodTracer tracer = MethodTracers.of(thisJoinPointStaticPart);
    Span span = tracer.start(a0, a1, a2);
    Scope scope = tracer.makeCurrent(span);
    Object result;
    try {
      result = proceed(a0, a1, a2);
    } catch (Throwable error) {
      throw tracer.onThrow(span, scope, error);
    }
    return tracer.onReturn(span, scope, result);
  }

  @SuppressAjWarnings("adviceDidNotMatch")
  Object around(): tracedMethod() && recordsArguments() && !args(*) && !args(*, *) && !args(*, *, *) && enabled() {
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
