package dev.traced.internal.async;

import dev.traced.internal.SpanEnding;
import io.opentelemetry.api.trace.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The asynchronous results {@code @Traced} knows, and the choice of one for a method.
 *
 * <p>One line per kind, most specific type first: the library type's name and the class that
 * handles it. A kind whose library is not on the class path is left out, and its class is never
 * loaded, so an application needs none of these libraries.
 */
public final class AsyncKinds {

  private record Registration(String typeName, Supplier<AsyncKind> kind) {}

  // The kinds are built by lambdas, not method references: a lambda does not load its kind's
  // class, which names its library's types, until it runs, and it runs only when the type is here.
  private static final List<Registration> REGISTRATIONS =
      List.of(
          new Registration("java.util.concurrent.CompletionStage", () -> new CompletionStageKind()),
          // So that a CompletableFuture declared as a java.util.concurrent.Future is one too.
          new Registration("java.util.concurrent.CompletableFuture", () -> new CompletionStageKind()),
          new Registration("io.vertx.core.Future", () -> new VertxFutureKind()),
          new Registration("com.google.common.util.concurrent.ListenableFuture", () -> new ListenableFutureKind()),
          new Registration("reactor.core.publisher.Mono", () -> new MonoKind()),
          new Registration("reactor.core.publisher.Flux", () -> new FluxKind()),
          new Registration("io.reactivex.rxjava3.core.Single", () -> new RxSingleKind()),
          new Registration("io.reactivex.rxjava3.core.Maybe", () -> new RxMaybeKind()),
          new Registration("io.reactivex.rxjava3.core.Completable", () -> new RxCompletableKind()),
          new Registration("io.reactivex.rxjava3.core.Observable", () -> new RxObservableKind()),
          new Registration("io.reactivex.rxjava3.core.Flowable", () -> new RxFlowableKind()),
          new Registration("io.smallrye.mutiny.Uni", () -> new UniKind()),
          new Registration("io.smallrye.mutiny.Multi", () -> new MultiKind()),
          new Registration("org.reactivestreams.Publisher", () -> new PublisherKind()));

  /** The registered types whose library is on the class path, with their kinds, in order. */
  private static final List<Class<?>> TYPES = new ArrayList<>();

  private static final List<AsyncKind> KINDS = new ArrayList<>();

  static {
    for (Registration registration : REGISTRATIONS) {
      Class<?> type = load(registration.typeName());
      if (type != null) {
        TYPES.add(type);
        KINDS.add(registration.kind().get());
      }
    }
  }

  private AsyncKinds() {}

  /**
   * The kind of result a method declared to return {@code declared} gives: the kind of that type;
   * for a type that only a value could tell, such as {@code Object} or {@code Future}, one that
   * looks at each value; {@code null} for a synchronous method.
   */
  public static AsyncKind forReturnType(Class<?> declared) {
    if (declared.isPrimitive()) {
      return null;
    }
    for (int i = 0; i < TYPES.size(); i++) {
      if (TYPES.get(i).isAssignableFrom(declared)) {
        return KINDS.get(i);
      }
    }
    List<Class<?>> types = new ArrayList<>();
    List<AsyncKind> kinds = new ArrayList<>();
    for (int i = 0; i < TYPES.size(); i++) {
      if (declared.isAssignableFrom(TYPES.get(i))) {
        types.add(TYPES.get(i));
        kinds.add(KINDS.get(i));
      }
    }
    return types.isEmpty() ? null : new ByValue(types.toArray(new Class<?>[0]), kinds.toArray(new AsyncKind[0]));
  }

  /** Whether {@code type} is, or extends, a registered asynchronous type. */
  public static boolean isAsync(Class<?> type) {
    return TYPES.stream().anyMatch(registered -> registered.isAssignableFrom(type));
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, AsyncKinds.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError absent) {
      return null;
    }
  }

  /** For a declared type that several kinds, or none, may fill: the value's own kind, if any. */
  private static final class ByValue implements AsyncKind {
    private final Class<?>[] types;
    private final AsyncKind[] kinds;

    ByValue(Class<?>[] types, AsyncKind[] kinds) {
      this.types = types;
      this.kinds = kinds;
    }

    @Override
    public Object endOnCompletion(Object result, Span span, SpanEnding ending) {
      for (int i = 0; i < types.length; i++) {
        if (types[i].isInstance(result)) {
          return kinds[i].endOnCompletion(result, span, ending);
        }
      }
      ending.returned(span, result);
      return result;
    }
  }
}
