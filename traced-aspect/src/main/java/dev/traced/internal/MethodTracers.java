package dev.traced.internal;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.aspectj.lang.JoinPoint;
import org.aspectj.lang.reflect.MethodSignature;

/**
 * The {@link MethodTracer} of each woven method, created on its first call and cached.
 *
 * <p>The tracers belong to their declaring class, through a {@link ClassValue} and an array indexed
 * by join point id (the weaver numbers each class's join points from 0), so this cache never keeps
 * an unloaded application's classes alive.
 *
 * <p>A call first looks in a table of tracers ({@code seen}), indexed by the join point's identity hash: one array
 * read and one comparison. That is worth its place: a traced call allocates about a kilobyte of
 * span, which keeps pushing the {@code ClassValue}'s chain of objects out of the CPU's nearest
 * caches, and following that chain cost 10 to 20 ns a call, most of what separated {@code @Traced}
 * from a span written by hand. A slot is written once, by the first join point that lands in it,
 * and then only read: a join point that finds its slot taken uses the class's own cache, as every
 * call did before, and no traced call ever writes to memory that other threads' calls read. The
 * table holds its tracers strongly, so it only takes those of classes from this library's own
 * class loader, which cannot outlive it; classes of other loaders (this library in a shared parent
 * loader, say) always take the {@code ClassValue} path.
 */
public final class MethodTracers {

  /** The tracers of the methods {@code @Traced} declares, directly or from a supertype. */
  private static final MethodTracers DECLARED = new MethodTracers(MethodTracerFactory::forDeclared);
  /** The tracers of the methods a {@code TracedMethods} pointcut lists. */
  private static final MethodTracers LISTED = new MethodTracers(MethodTracerFactory::forListed);

  private static final ClassLoader OWN_LOADER = MethodTracers.class.getClassLoader();

  private final ClassValue<ClassTracers> byClass =
      new ClassValue<>() {
        @Override
        protected ClassTracers computeValue(Class<?> type) {
          return new ClassTracers();
        }
      };

  /** Tracers of join points already called, by identity hash; a power of two, for the mask. */
  private final MethodTracer[] seen = new MethodTracer[4096];

  private final BiFunction<JoinPoint.StaticPart, Method, MethodTracer> factory;

  private MethodTracers(BiFunction<JoinPoint.StaticPart, Method, MethodTracer> factory) {
    this.factory = factory;
  }

  /** The tracer of the method executing at {@code joinPoint}, as {@code @Traced} declares it. */
  public static MethodTracer of(JoinPoint.StaticPart joinPoint) {
    return DECLARED.get(joinPoint);
  }

  /**
   * The tracer of a method a {@code TracedMethods} pointcut lists: default spans, unless the method
   * is declared {@code @Traced} after all, which its own advice traces (so untraced here).
   */
  public static MethodTracer listed(JoinPoint.StaticPart joinPoint) {
    return LISTED.get(joinPoint);
  }

  private MethodTracer get(JoinPoint.StaticPart joinPoint) {
    MethodTracer[] seen = this.seen;
    int slot = System.identityHashCode(joinPoint) & (seen.length - 1);
    MethodTracer tracer = seen[slot];
    if (tracer != null && tracer.tracesAt(joinPoint)) {
      return tracer;
    }
    return lookUp(joinPoint, slot);
  }

  private MethodTracer lookUp(JoinPoint.StaticPart joinPoint, int slot) {
    Class<?> type = joinPoint.getSignature().getDeclaringType();
    MethodTracer tracer = byClass.get(type).of(joinPoint, this);
    if (seen[slot] == null && type.getClassLoader() == OWN_LOADER) {
      // A plain write is enough: a MethodTracer's fields are final, so a thread that sees it in
      // the slot sees it whole, and a thread that does not see it yet only misses. Two threads
      // that race for an empty slot both leave a valid tracer in it.
      seen[slot] = tracer;
    }
    return tracer;
  }

  /** The tracers of one class's join points, by join point id. */
  private static final class ClassTracers {

    private volatile MethodTracer[] byId = new MethodTracer[0];
    /** Join points whose id is negative or taken, which only a foreign weaver would produce. */
    private final Map<JoinPoint.StaticPart, MethodTracer> others = new ConcurrentHashMap<>();

    MethodTracer of(JoinPoint.StaticPart joinPoint, MethodTracers owner) {
      MethodTracer[] tracers = byId;
      int id = joinPoint.getId();
      if (id >= 0 && id < tracers.length) {
        MethodTracer tracer = tracers[id];
        if (tracer != null && tracer.tracesAt(joinPoint)) {
          return tracer;
        }
      }
      return add(joinPoint, owner);
    }

    private synchronized MethodTracer add(JoinPoint.StaticPart joinPoint, MethodTracers owner) {
      MethodTracer[] tracers = byId;
      int id = joinPoint.getId();
      MethodTracer taken = id >= 0 && id < tracers.length ? tracers[id] : null;
      if (taken != null && taken.tracesAt(joinPoint)) {
        return taken;
      }
      if (id < 0 || taken != null) {
        return others.computeIfAbsent(joinPoint, owner::create);
      }
      MethodTracer added = owner.create(joinPoint);
      MethodTracer[] grown = Arrays.copyOf(tracers, Math.max(tracers.length, id + 1));
      grown[id] = added;
      byId = grown;
      return added;
    }
  }

  private MethodTracer create(JoinPoint.StaticPart joinPoint) {
    try {
      Method method = ((MethodSignature) joinPoint.getSignature()).getMethod();
      return factory.apply(joinPoint, method);
    } catch (RuntimeException | LinkageError e) {
      String name = joinPoint.getSignature().getDeclaringTypeName() + "." + joinPoint.getSignature().getName();
      Problems.reportOnce(name, "could not read its @Traced settings; tracing it with defaults", e);
      return MethodTracerFactory.withDefaults(joinPoint);
    }
  }
}
