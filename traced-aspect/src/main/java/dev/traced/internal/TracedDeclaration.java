package dev.traced.internal;

import dev.traced.CurrentSpan;
import dev.traced.NotTraced;
import dev.traced.Traced;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;

/**
 * Finds the {@code @Traced} that applies to a method, looked for once per method: Java does not
 * inherit method annotations, but a team that puts {@code @Traced} on its service interface
 * expects the implementation to be traced.
 *
 * <p>The most specific declaration wins: the method's own {@code @Traced}, then its class's (for a
 * public method), then the nearest supertype's, method before type, superclass before interfaces,
 * level by level. {@code @SpanAttribute} is read from the implementation's parameters, or, where
 * it has none, from those of the method the declaration was found on. {@code @NotTraced} on the method itself opts it out of all of them, and its own
 * {@code @CurrentSpan} too.
 */
record TracedDeclaration(Traced traced, Method declaredOn) {

  /**
   * The {@code @Traced} that applies to {@code method}, with the method it was found on (the
   * method itself, or the one it overrides), or {@code null} if none applies.
   */
  static TracedDeclaration of(Method method) {
    if (method.isAnnotationPresent(NotTraced.class)) {
      return null;
    }
    Traced own = method.getAnnotation(Traced.class);
    if (own != null) {
      return new TracedDeclaration(own, method);
    }
    // A method's own @CurrentSpan is more specific than a @Traced of its class or a supertype.
    if (method.isAnnotationPresent(CurrentSpan.class)) {
      return null;
    }
    Class<?> type = method.getDeclaringClass();
    Traced ofType = typeLevel(type, method);
    if (ofType != null) {
      return new TracedDeclaration(ofType, method);
    }
    if (Modifier.isStatic(method.getModifiers()) || Modifier.isPrivate(method.getModifiers())) {
      return null;
    }
    return inherited(type, method);
  }

  /** The class-level {@code @Traced} of {@code type}, if it covers {@code method}. */
  private static Traced typeLevel(Class<?> type, Method method) {
    Traced traced = type.getAnnotation(Traced.class);
    if (traced == null || !Modifier.isPublic(method.getModifiers()) || isMemberEveryRecordOrEnumHas(method)) {
      return null;
    }
    return traced;
  }

  /**
   * Whether {@code method} is one of the members the language gives every record (its accessors,
   * {@code equals}, {@code hashCode}, {@code toString}) or enum ({@code values()},
   * {@code valueOf(String)}), written out or generated: a class-level {@code @Traced} means the
   * class's own work, and a record used as a map key must not make spans.
   */
  static boolean isMemberEveryRecordOrEnumHas(Method method) {
    Class<?> type = method.getDeclaringClass();
    String name = method.getName();
    int parameters = method.getParameterCount();
    if (type.isRecord()) {
      return parameters == 0 && (name.equals("hashCode") || name.equals("toString") || isAccessor(type, method))
          || parameters == 1 && name.equals("equals") && method.getParameterTypes()[0] == Object.class;
    }
    if (type.isEnum() && Modifier.isStatic(method.getModifiers())) {
      return parameters == 0 && name.equals("values")
          || parameters == 1 && name.equals("valueOf") && method.getParameterTypes()[0] == String.class;
    }
    return false;
  }

  private static boolean isAccessor(Class<?> record, Method method) {
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getAccessor().equals(method)) {
        return true;
      }
    }
    return false;
  }

  /** Searches the supertypes of {@code type}, nearest first, for a declaration {@code method} overrides. */
  private static TracedDeclaration inherited(Class<?> type, Method method) {
    Queue<Class<?>> next = new ArrayDeque<>();
    Set<Class<?>> visited = new HashSet<>();
    addSupertypes(type, next);
    while (!next.isEmpty()) {
      Class<?> supertype = next.remove();
      if (!visited.add(supertype)) {
        continue;
      }
      Method overridden = overriddenIn(supertype, method);
      if (overridden != null) {
        if (overridden.isAnnotationPresent(NotTraced.class)) {
          return null;
        }
        Traced traced = overridden.getAnnotation(Traced.class);
        if (traced == null) {
          traced = typeLevel(supertype, overridden);
        }
        if (traced != null) {
          return new TracedDeclaration(traced, overridden);
        }
      }
      addSupertypes(supertype, next);
    }
    return null;
  }

  private static void addSupertypes(Class<?> type, Queue<Class<?>> next) {
    if (type.getSuperclass() != null && type.getSuperclass() != Object.class) {
      next.add(type.getSuperclass());
    }
    next.addAll(Arrays.asList(type.getInterfaces()));
  }

  /**
   * The method {@code method} overrides in {@code supertype}, if declared there: same name and
   * parameter types, or, for a generic supertype ({@code Handler<T>.handle(T)} implemented as
   * {@code handle(String)}), the erased parameter types of the bridge the compiler made for it.
   */
  private static Method overriddenIn(Class<?> supertype, Method method) {
    Method[] declared;
    try {
      declared = supertype.getDeclaredMethods();
    } catch (LinkageError e) {
      // A signature names a class missing from the class path: that type's declarations cannot be
      // read, and a method is not traced on a guess.
      return null;
    }
    for (Method candidate : declared) {
      if (candidate.getName().equals(method.getName())
          && candidate.getParameterCount() == method.getParameterCount()
          && !candidate.isSynthetic()
          && !Modifier.isStatic(candidate.getModifiers())
          && !Modifier.isPrivate(candidate.getModifiers())
          && (Arrays.equals(candidate.getParameterTypes(), method.getParameterTypes())
              || hasBridge(method.getDeclaringClass(), method.getName(), candidate.getParameterTypes()))) {
        return candidate;
      }
    }
    return null;
  }

  private static boolean hasBridge(Class<?> type, String name, Class<?>[] parameterTypes) {
    try {
      return type.getDeclaredMethod(name, parameterTypes).isBridge();
    } catch (NoSuchMethodException e) {
      return false;
    }
  }
}
