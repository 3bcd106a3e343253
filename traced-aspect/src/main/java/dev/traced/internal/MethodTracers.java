package dev.traced.internal;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * The {@link MethodTracer} of each woven method, created on its first call and cached.
 *
 * <p>Keyed by the join point's static part, which the woven class holds in a constant, so a call
 * costs one lookup. The cache hangs off the declaring class through a {@link ClassValue}, so it
 * never keeps an unloaded application's classes alive.
 */
public final class MethodTracers {

  private static final ClassValue<Map<JoinPoint.StaticPart, MethodTracer>> BY_CLASS =
      new ClassValue<>() {
        @Override
        protected Map<JoinPoint.StaticPart, MethodTracer> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private MethodTracers() {}

  /** The tracer of the method executing at {@code joinPoint}. */
  public static MethodTracer of(JoinPoint.StaticPart joinPoint) {
    Map<JoinPoint.StaticPart, MethodTracer> tracers = BY_CLASS.get(joinPoint.getSignature().getDeclaringType());
    MethodTracer tracer = tracers.get(joinPoint);
    return tracer != null ? tracer : tracers.computeIfAbsent(joinPoint, MethodTracers::create);
  }

  private static MethodTracer create(JoinPoint.StaticPart joinPoint) {
    try {
      Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
      return MethodTracerFactory.create(method);
    } catch (RuntimeException | LinkageError e) {
      String name = joinPoint.getSignature().getDeclaringTypeName() + "." + joinPoint.getSignature().getName();
      Problems.reportOnce(name, "could not read its @Traced settings; tracing it with defaults", e);
      return MethodTracerFactory.withDefaults(joinPoint.getSignature().getDeclaringType(), joinPoint.getSignature().getName());
    }
  }
}
