package dev.traced.internal;

import dev.traced.CurrentSpan;
import dev.traced.SpanAttribute;
import dev.traced.Traced;
import dev.traced.internal.async.AsyncKind;
import dev.traced.internal.async.AsyncKinds;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanKind;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import org.aspectj.lang.JoinPoint;

/**
 * Works out, once per method, everything its spans need: name, kind, static attributes,
 * parameter and result bindings, expected exceptions, links, metrics and the kind of its
 * asynchronous result ({@link AsyncKinds}), if any.
 */
final class MethodTracerFactory {

  static final AttributeKey<String> CODE_FUNCTION_NAME = AttributeKey.stringKey("code.function.name");

  private static final Traced DEFAULTS = Defaults.class.getAnnotation(Traced.class);

  private MethodTracerFactory() {}

  /**
   * The tracer of a method woven for {@code @Traced}: as its nearest declaration says
   * ({@link TracedDeclaration}), or untraced when it has none (a method the weaver could only
   * guess inherits one), when it is excluded ({@link Exclusions}), or when it is a record's
   * accessor under a class-level {@code @Traced}.
   */
  static MethodTracer forDeclared(JoinPoint.StaticPart joinPoint, Method method) {
    String qualifiedName = qualifiedName(method);
    TracedDeclaration declaration = TracedDeclaration.of(method);
    if (declaration == null || Exclusions.CONFIGURED.excludes(method)) {
      return MethodTracer.untraced(joinPoint, qualifiedName);
    }
    if (method.isAnnotationPresent(CurrentSpan.class) && method.isAnnotationPresent(Traced.class)) {
      Problems.reportOnce(
          qualifiedName, "has both @Traced and @CurrentSpan; it runs as its @Traced says (remove one of them)");
    }
    Traced traced = declaration.traced();
    if (traced.linkCaller() && !traced.newTrace()) {
      Problems.reportOnce(qualifiedName, "linkCaller = true has no effect without newTrace = true");
    }
    if (!traced.result().isEmpty() && method.getReturnType() == void.class) {
      Problems.reportOnce(qualifiedName, "result = \"" + traced.result() + "\" records nothing: the method returns void");
    }
    return create(joinPoint, method, declaration);
  }

  /**
   * The tracer of a method a {@code TracedMethods} pointcut lists: default spans, unless a
   * {@code @Traced} declares the method, whose own advice then traces it (one span, not two), or
   * it is excluded.
   */
  static MethodTracer forListed(JoinPoint.StaticPart joinPoint, Method method) {
    if (TracedDeclaration.of(method) != null || Exclusions.CONFIGURED.excludes(method)) {
      return MethodTracer.untraced(joinPoint, qualifiedName(method));
    }
    return create(joinPoint, method, null);
  }

  /** @param declaration the settings, or {@code null} for the defaults */
  private static MethodTracer create(JoinPoint.StaticPart joinPoint, Method method, TracedDeclaration declaration) {
    String qualifiedName = qualifiedName(method);
    Traced traced = declaration == null ? DEFAULTS : declaration.traced();
    AttributesBuilder attributes = Attributes.builder();
    StaticAttributes.parse(traced.attributes(), qualifiedName, attributes);

    Type returnType = method.getGenericReturnType();
    AsyncKind async = AsyncKinds.forReturnType(method.getReturnType());
    String result = traced.result();
    AttributeBinding<?> returned =
        result.isEmpty() ? null : AttributeBinding.forType(result, returnType, qualifiedName);
    AttributeBinding<?> completed =
        result.isEmpty() ? null : AttributeBinding.forType(result, completionType(returnType, async), qualifiedName);
    boolean timed = MethodMetrics.FOR_EVERY_METHOD || traced.metrics();

    return new MethodTracer(
        joinPoint,
        qualifiedName,
        traced.value().isEmpty() ? defaultSpanName(method) : traced.value(),
        SpanKind.valueOf(traced.kind().name()),
        traced.newTrace(),
        traced.linkCaller(),
        attributes.build(),
        declaration == null ? new AttributeBinding<?>[0] : argumentBindings(method, declaration.declaredOn(), qualifiedName),
        new SpanEnding(returned, completed, traced.expected(), timed ? new MethodMetrics(qualifiedName) : null),
        async);
  }

  /**
   * Carries the settings of a method no {@code @Traced} declares, such as one a
   * {@code TracedMethods} pointcut lists. A class without methods, so nothing here is woven.
   */
  @Traced
  private static final class Defaults {}

  /** {@code SimpleClassName.method}, the class being the one whose code runs: the implementation's. */
  private static String defaultSpanName(Method method) {
    return simpleName(method.getDeclaringClass()) + "." + method.getName();
  }

  private static String qualifiedName(Method method) {
    return method.getDeclaringClass().getName() + "." + method.getName();
  }

  /** A tracer that names the span after the method and records nothing else. */
  static MethodTracer withDefaults(JoinPoint.StaticPart joinPoint) {
    Class<?> type = joinPoint.getSignature().getDeclaringType();
    String methodName = joinPoint.getSignature().getName();
    String qualifiedName = type.getName() + "." + methodName;
    return new MethodTracer(
        joinPoint,
        qualifiedName,
        simpleName(type) + "." + methodName,
        SpanKind.INTERNAL,
        false,
        false,
        Attributes.empty(),
        new AttributeBinding<?>[0],
        new SpanEnding(null, null, DEFAULTS.expected(), null),
        AsyncKinds.forReturnType(Object.class));
  }

  /**
   * The {@code @SpanAttribute} bindings by parameter position, {@code null} where a parameter
   * records nothing; the array ends at the last parameter that records something.
   */
  static AttributeBinding<?>[] argumentBindings(Method method, String qualifiedName) {
    return argumentBindings(method, method, qualifiedName);
  }

  /**
   * As {@link #argumentBindings(Method, String)}, taking a parameter's {@code @SpanAttribute} from
   * {@code declaredOn} (the method {@code method} overrides) when {@code method}'s own has none.
   */
  static AttributeBinding<?>[] argumentBindings(Method method, Method declaredOn, String qualifiedName) {
    Parameter[] parameters = method.getParameters();
    Parameter[] declared = declaredOn.getParameters();
    AttributeBinding<?>[] bindings = new AttributeBinding<?>[parameters.length];
    int length = 0;
    for (int i = 0; i < parameters.length; i++) {
      SpanAttribute annotation = parameters[i].getAnnotation(SpanAttribute.class);
      if (annotation == null) {
        annotation = declared[i].getAnnotation(SpanAttribute.class);
      }
      if (annotation == null) {
        continue;
      }
      String name = annotation.value();
      if (name.isEmpty()) {
        if (!parameters[i].isNamePresent()) {
          Problems.reportOnce(
              qualifiedName,
              "skipped @SpanAttribute on parameter " + i
                  + ": give it a name, or compile with 'javac -parameters'");
          continue;
        }
        name = parameters[i].getName();
      }
      bindings[i] = AttributeBinding.forType(name, parameters[i].getParameterizedType(), qualifiedName);
      length = i + 1;
    }
    return Arrays.copyOf(bindings, length);
  }

  /**
   * What {@code result = "name"} records when an asynchronous result completes: the value's type,
   * {@code T} of a declared {@code CompletableFuture<T>}, {@code Mono<T>}, {@code Uni<T>}...; the
   * number of items ({@code long}) for a stream ({@code Flux}, {@code Observable}, a publisher);
   * {@code Object} when the declared type does not say, such as a future returned as {@code Object}.
   */
  static Type completionType(Type returnType, AsyncKind async) {
    if (async != null && async.isStream()) {
      return Long.class;
    }
    if (returnType instanceof ParameterizedType parameterized
        && parameterized.getRawType() instanceof Class<?> raw
        && AsyncKinds.isAsync(raw)
        && parameterized.getActualTypeArguments().length == 1) {
      return parameterized.getActualTypeArguments()[0];
    }
    return Object.class;
  }

  static String simpleName(Class<?> type) {
    String simple = type.getSimpleName();
    if (!simple.isEmpty()) {
      return simple;
    }
    String name = type.getName();
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
