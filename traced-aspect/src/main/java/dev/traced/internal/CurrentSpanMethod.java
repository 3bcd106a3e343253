package dev.traced.internal;

import dev.traced.CurrentSpan;
import dev.traced.internal.async.AsyncKinds;
import io.opentelemetry.api.trace.Span;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * What a {@link CurrentSpan} method sets on the span current at its call: its
 * {@code @SpanAttribute} arguments and, with {@code result = "name"}, its return value. Worked
 * out once per method; nothing is started or ended, and nothing is recorded when no span is
 * current. No method here throws: a failure is reported once and the method goes on.
 */
public final class CurrentSpanMethod {

  private static final ClassValue<Map<JoinPoint.StaticPart, CurrentSpanMethod>> BY_CLASS =
      new ClassValue<>() {
        @Override
        protected Map<JoinPoint.StaticPart, CurrentSpanMethod> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private final String method;
  /** By parameter position, {@code null} where a parameter records nothing. */
  private final AttributeBinding<?>[] arguments;
  private final AttributeBinding<?> result;

  private CurrentSpanMethod(String method, AttributeBinding<?>[] arguments, AttributeBinding<?> result) {
    this.method = method;
    this.arguments = arguments;
    this.result = result;
  }

  /** The method executing at {@code joinPoint}, read on its first call. */
  public static CurrentSpanMethod of(JoinPoint.StaticPart joinPoint) {
    return BY_CLASS.get(joinPoint.getSignature().getDeclaringType()).computeIfAbsent(joinPoint, CurrentSpanMethod::create);
  }

  static CurrentSpanMethod create(JoinPoint.StaticPart joinPoint) {
    String qualifiedName = joinPoint.getSignature().getDeclaringTypeName() + "." + joinPoint.getSignature().getName();
    try {
      Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
      return Exclusions.CONFIGURED.excludes(method) ? recordingNothing(qualifiedName) : forMethod(method, qualifiedName);
    } catch (RuntimeException | LinkageError e) {
      Problems.reportOnce(qualifiedName, "could not read its @CurrentSpan settings; it records nothing", e);
      return recordingNothing(qualifiedName);
    }
  }

  private static CurrentSpanMethod recordingNothing(String qualifiedName) {
    return new CurrentSpanMethod(qualifiedName, new AttributeBinding<?>[0], null);
  }

  static CurrentSpanMethod forMethod(Method method, String qualifiedName) {
    String name = method.getAnnotation(CurrentSpan.class).result();
    AttributeBinding<?> result = null;
    if (!name.isEmpty() && AsyncKinds.forReturnType(method.getReturnType()) != null) {
      Problems.reportOnce(
          qualifiedName, "@CurrentSpan(result = \"" + name + "\") records no asynchronous result; use @Traced(result = ...)");
    } else if (!name.isEmpty() && method.getReturnType() == void.class) {
      Problems.reportOnce(qualifiedName, "@CurrentSpan(result = \"" + name + "\") records nothing: the method returns void");
    } else if (!name.isEmpty()) {
      result = AttributeBinding.forType(name, method.getGenericReturnType(), qualifiedName);
    }
    return new CurrentSpanMethod(qualifiedName, MethodTracerFactory.argumentBindings(method, qualifiedName), result);
  }

  /** Sets the call's {@code @SpanAttribute} arguments on the current span. */
  public void recordArguments(Object[] values) {
    try {
      Span span = Span.current();
      for (int i = 0; i < arguments.length; i++) {
        if (arguments[i] != null) {
          arguments[i].setOn(span, values[i]);
        }
      }
    } catch (Throwable e) {
      Problems.reportOnce(method, "could not set its arguments on the current span", e);
    }
  }

  /** Sets the returned value on the current span, when {@code result} names an attribute. */
  public void recordResult(Object value) {
    if (result == null) {
      return;
    }
    try {
      result.setOn(Span.current(), value);
    } catch (Throwable e) {
      Problems.reportOnce(method, "could not set its result on the current span", e);
    }
  }
}
