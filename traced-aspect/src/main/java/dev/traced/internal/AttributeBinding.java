package dev.traced.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Turns a value of a declared Java type into a typed span attribute.
 *
 * <p>The conversion is chosen once from the declared type (of a parameter, or of a method's
 * result), so recording a value costs one conversion and no type inspection. {@code null} records
 * nothing; a conversion that throws (a throwing {@code toString()}) records nothing, is reported
 * once, and never reaches the traced method. A string longer than {@link #MAX_STRING_LENGTH}
 * characters, a huge {@code toString()} say, is cut to that length and reported once: one
 * argument must not turn every span of a method into a megabyte to export.
 */
final class AttributeBinding<T> {

  private static final Map<Class<?>, Function<Object, Long>> INTEGRAL =
      Map.of(
          byte.class, v -> ((Number) v).longValue(),
          short.class, v -> ((Number) v).longValue(),
          int.class, v -> ((Number) v).longValue(),
          long.class, v -> (Long) v,
          Byte.class, v -> ((Number) v).longValue(),
          Short.class, v -> ((Number) v).longValue(),
          Integer.class, v -> ((Number) v).longValue(),
          // Already a Long: kept as it is rather than boxed again.
          Long.class, v -> (Long) v);

  /**
   * Longest string value recorded. The SDK's own limit ({@code OTEL_ATTRIBUTE_VALUE_LENGTH_LIMIT},
   * unlimited by default) applies on top of it.
   */
  static final int MAX_STRING_LENGTH = 4096;

  private final AttributeKey<T> key;
  private final Function<Object, T> converter;
  private final String method;

  private AttributeBinding(AttributeKey<T> key, Function<Object, T> converter, String method) {
    this.key = key;
    this.converter = converter;
    this.method = method;
  }

  /** A binding for values declared as {@code type}, recorded under {@code name}. */
  static AttributeBinding<?> forType(String name, Type type, String method) {
    Class<?> raw = rawClass(type);
    if (raw.isArray()) {
      return forArray(name, raw.getComponentType(), method);
    }
    if (List.class.isAssignableFrom(raw) && type instanceof ParameterizedType) {
      Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
      if (element instanceof Class) {
        return forElements(name, (Class<?>) element, v -> (Iterable<?>) v, method);
      }
    }
    return forScalar(name, raw, method);
  }

  /** Sets the attribute on a span about to start. */
  void setOn(SpanBuilder builder, Object value) {
    T converted = convert(value);
    if (converted != null) {
      builder.setAttribute(key, converted);
    }
  }

  /** Sets the attribute on a started span. */
  void setOn(Span span, Object value) {
    T converted = convert(value);
    if (converted != null) {
      span.setAttribute(key, converted);
    }
  }

  AttributeKey<T> key() {
    return key;
  }

  private T convert(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return bounded(converter.apply(value));
    } catch (RuntimeException | LinkageError | StackOverflowError e) {
      Problems.reportOnce(method, "could not record attribute \"" + key.getKey() + "\"", e);
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private T bounded(T converted) {
    if (converted instanceof String && ((String) converted).length() > MAX_STRING_LENGTH) {
      Problems.reportOnce(
          method,
          "attribute \"" + key.getKey() + "\" is longer than " + MAX_STRING_LENGTH
              + " characters; recording its first " + MAX_STRING_LENGTH);
      return (T) ((String) converted).substring(0, MAX_STRING_LENGTH);
    }
    return converted;
  }

  private static AttributeBinding<?> forScalar(String name, Class<?> type, String method) {
    if (type == String.class) {
      return new AttributeBinding<>(AttributeKey.stringKey(name), v -> (String) v, method);
    }
    if (INTEGRAL.containsKey(type)) {
      return new AttributeBinding<>(AttributeKey.longKey(name), INTEGRAL.get(type), method);
    }
    if (isFloating(type)) {
      return new AttributeBinding<>(AttributeKey.doubleKey(name), v -> ((Number) v).doubleValue(), method);
    }
    if (type == boolean.class || type == Boolean.class) {
      return new AttributeBinding<>(AttributeKey.booleanKey(name), v -> (Boolean) v, method);
    }
    return new AttributeBinding<>(AttributeKey.stringKey(name), String::valueOf, method);
  }

  private static AttributeBinding<?> forArray(String name, Class<?> element, String method) {
    if (element == long.class) {
      return longArray(name, v -> Arrays.stream((long[]) v).boxed().toList(), method);
    }
    if (element == int.class) {
      return longArray(name, v -> Arrays.stream((int[]) v).asLongStream().boxed().toList(), method);
    }
    if (element == short.class) {
      return longArray(name, v -> indices(((short[]) v).length).mapToObj(i -> (long) ((short[]) v)[i]).toList(), method);
    }
    if (element == byte.class) {
      return longArray(name, v -> indices(((byte[]) v).length).mapToObj(i -> (long) ((byte[]) v)[i]).toList(), method);
    }
    if (element == double.class) {
      return doubleArray(name, v -> Arrays.stream((double[]) v).boxed().toList(), method);
    }
    if (element == float.class) {
      return doubleArray(name, v -> indices(((float[]) v).length).mapToObj(i -> (double) ((float[]) v)[i]).toList(), method);
    }
    if (element == boolean.class) {
      return booleanArray(name, v -> indices(((boolean[]) v).length).mapToObj(i -> ((boolean[]) v)[i]).toList(), method);
    }
    if (element.isPrimitive()) {
      return forScalar(name, Object.class, method);
    }
    return forElements(name, element, v -> Arrays.asList((Object[]) v), method);
  }

  private static AttributeBinding<?> forElements(
      String name, Class<?> element, Function<Object, Iterable<?>> values, String method) {
    if (element == String.class) {
      return new AttributeBinding<>(
          AttributeKey.stringArrayKey(name), v -> elements(values.apply(v), e -> (String) e), method);
    }
    if (INTEGRAL.containsKey(element)) {
      return longArray(name, v -> elements(values.apply(v), e -> ((Number) e).longValue()), method);
    }
    if (isFloating(element)) {
      return doubleArray(name, v -> elements(values.apply(v), e -> ((Number) e).doubleValue()), method);
    }
    if (element == Boolean.class) {
      return booleanArray(name, v -> elements(values.apply(v), e -> (Boolean) e), method);
    }
    return forScalar(name, Object.class, method);
  }

  private static AttributeBinding<List<Long>> longArray(
      String name, Function<Object, List<Long>> converter, String method) {
    return new AttributeBinding<>(AttributeKey.longArrayKey(name), converter, method);
  }

  private static AttributeBinding<List<Double>> doubleArray(
      String name, Function<Object, List<Double>> converter, String method) {
    return new AttributeBinding<>(AttributeKey.doubleArrayKey(name), converter, method);
  }

  private static AttributeBinding<List<Boolean>> booleanArray(
      String name, Function<Object, List<Boolean>> converter, String method) {
    return new AttributeBinding<>(AttributeKey.booleanArrayKey(name), converter, method);
  }

  private static boolean isFloating(Class<?> type) {
    return type == double.class || type == float.class || type == Double.class || type == Float.class;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    return Object.class;
  }

  /** Null elements are left out: typed attribute arrays cannot hold them. */
  private static <E> List<E> elements(Iterable<?> values, Function<Object, E> element) {
    List<E> list = new ArrayList<>();
    for (Object value : values) {
      if (value != null) {
        list.add(element.apply(value));
      }
    }
    return list;
  }

  private static IntStream indices(int length) {
    return IntStream.range(0, length);
  }
}
