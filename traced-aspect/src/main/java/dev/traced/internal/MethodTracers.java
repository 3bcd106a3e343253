package dev.traced.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * The {@link MethodTracer} of each woven method, created on its first call and cached.
 *
 * <p>The weaver numbers the join points of each class from 0, so a call costs a {@link ClassValue}
 * read and an array index: no hashing. The cache hangs off the declaring class, so it never keeps
 * an unloaded application's classes alive.
 */
public final class MethodTracers {

  private static final ClassValue<ClassTracers> BY_CLASS =
      new ClassValue<>() {
        @Override
        protected ClassTracers computeValue(Class<?> type) {
          return new ClassTracers();
        }
      };

  private MethodTracers() {}

  /** The tracer of the method executing at {@code joinPoint}. */
  public static MethodTracer of(JoinPoint.StaticPart joinPoint) {
    return BY_CLASS.get(joinPoint.getSignature().getDeclaringType()).of(joinPoint);
  }

  /** The tracers of one class's join points, by join point id. */
  private static final class ClassTracers {

    /** A slot of {@link #byId}; it keeps its join point so that a reused id is never mistaken. */
    private record Entry(JoinPoint.StaticPart joinPoint, MethodTracer tracer) {}

    private volatile Entry[] byId = new Entry[0];
    /** Join points whose id is negative or taken, which only a foreign weaver would produce. */
    private final Map<JoinPoint.StaticPart, MethodTracer> others = new ConcurrentHashMap<>();

    MethodTracer of(JoinPoint.StaticPart joinPoint) {
      Entry[] entries = byId;
      int id = joinPoint.getId();
      if (id >= 0 && id < entries.length) {
        Entry entry = entries[id];
        if (entry != null && entry.joinPoint == joinPoint) {
          return entry.tracer;
        }
      }
      return add(joinPoint);
    }

    private synchronized MethodTracer add(JoinPoint.StaticPart joinPoint) {
      Entry[] entries = byId;
      int id = joinPoint.getId();
      Entry taken = id >= 0 && id < entries.length ? entries[id] : null;
      if (taken != null && taken.joinPoint == joinPoint) {
        return taken.tracer;
      }
      if (id < 0 || taken != null) {
        return others.computeIfAbsent(joinPoint, MethodTracers::create);
      }
      Entry added = new Entry(joinPoint, create(joinPoint));
      Entry[] grown = Arrays.copyOf(entries, Math.max(entries.length, id + 1));
      grown[id] = added;
      byId = grown;
      return added.tracer;
    }
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
