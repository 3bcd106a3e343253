package dev.traced.aspect;

import dev.traced.internal.CurrentSpanMethod;
import org.aspectj.lang.annotation.SuppressAjWarnings;

/**
 * Weaves {@link dev.traced.CurrentSpan} methods: their {@code @SpanAttribute} arguments and their
 * result go onto the span current at the call, and no span is started. Declared beside
 * {@link TracedAspect} in this jar's {@code META-INF/aop.xml}; applications never call it. A
 * method that is also {@code @Traced} is left to {@link TracedAspect}, which reports it.
 */
public aspect CurrentSpanAspect {

  pointcut currentSpanMethod():
      execution(@dev.traced.CurrentSpan * *(..)) && !TracedAspect.annotatedMethod() && TracedAspect.enabled()
          && TracedAspect.inCurrentSpanType();

  @SuppressAjWarnings("adviceDidNotMatch")
  before(): currentSpanMethod() && TracedAspect.recordsArguments() {
    CurrentSpanMethod.of(thisJoinPointStaticPart).recordArguments(thisJoinPoint.getArgs());
  }

  @SuppressAjWarnings("adviceDidNotMatch")
  after() returning(Object result): currentSpanMethod() {
    CurrentSpanMethod.of(thisJoinPointStaticPart).recordResult(result);
  }
}
