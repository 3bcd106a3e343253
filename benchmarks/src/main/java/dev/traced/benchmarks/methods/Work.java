package dev.traced.benchmarks.methods;

import dev.traced.NotTraced;
import dev.traced.SpanAttribute;
import dev.traced.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;

/**
 * The measured methods: the same small piece of work, untraced, traced with {@code @Traced},
 * traced by hand and traced with {@code @WithSpan}.
 *
 * <p>Each span is named after its benchmark, so that the sink can count the spans of each variant
 * against its calls. The hand-written twins record exactly what {@code @Traced} records (the
 * {@code code.function.name} attribute, the exception and error status on failure), so that the
 * comparison is between two ways of producing the same span. The untraced and hand-written
 * methods are {@code @NotTraced}: a class with {@code @Traced} methods has its other methods woven
 * too (they might override an inherited {@code @Traced} declaration), and the twins must stay as
 * plain as in a class of their own. What that weaving costs is variant (10c).
 */
public class Work {

  static final AttributeKey<String> CODE_FUNCTION_NAME = AttributeKey.stringKey("code.function.name");
  private static final AttributeKey<String> USER = AttributeKey.stringKey("user");
  private static final AttributeKey<Long> COUNT = AttributeKey.longKey("count");
  private static final String HAND_WRITTEN = Work.class.getName() + ".handWritten";
  private static final String HAND_WRITTEN_WITH_ATTRIBUTES = Work.class.getName() + ".handWrittenWithAttributes";
  private static final String HAND_WRITTEN_FUTURE = Work.class.getName() + ".handWrittenCompletableFuture";
  private static final String HAND_WRITTEN_VERTX = Work.class.getName() + ".handWrittenVertxFuture";

  private final Tracer tracer;

  Work(Tracer tracer) {
    this.tracer = tracer;
  }

  /** The tracer of the hand-written twins, for twins generated elsewhere ({@link ManyMethods}). */
  Tracer tracer() {
    return tracer;
  }

  /** The work itself: cheap, but not something the JIT can fold away. */
  static long compute(long input) {
    return input * 0x9E3779B97F4A7C15L + 7;
  }

  @NotTraced
  public long untraced(long input) {
    return compute(input);
  }

  @Traced("traced")
  public long traced(long input) {
    return compute(input);
  }

  @NotTraced
  public long handWritten(long input) {
    Span span = tracer.spanBuilder("handWritten").setAttribute(CODE_FUNCTION_NAME, HAND_WRITTEN).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return compute(input);
    } catch (RuntimeException | Error e) {
      failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  @NotTraced
  public long untracedWithAttributes(String user, long count) {
    return compute(count + user.length());
  }

  @Traced("tracedWithAttributes")
  public long tracedWithAttributes(@SpanAttribute("user") String user, @SpanAttribute("count") long count) {
    return compute(count + user.length());
  }

  @NotTraced
  public long handWrittenWithAttributes(String user, long count) {
    Span span =
        tracer.spanBuilder("handWrittenWithAttributes")
            .setAttribute(CODE_FUNCTION_NAME, HAND_WRITTEN_WITH_ATTRIBUTES)
            .setAttribute(USER, user)
            .setAttribute(COUNT, count)
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return compute(count + user.length());
    } catch (RuntimeException | Error e) {
      failed(span, e);
      throw e;
    } finally {
      span.end();
    }
  }

  @Traced("tracedCompletableFuture")
  public CompletableFuture<Long> tracedCompletableFuture(long input) {
    return CompletableFuture.completedFuture(compute(input));
  }

  @NotTraced
  public CompletableFuture<Long> handWrittenCompletableFuture(long input) {
    Span span =
        tracer.spanBuilder("handWrittenCompletableFuture").setAttribute(CODE_FUNCTION_NAME, HAND_WRITTEN_FUTURE).startSpan();
    CompletableFuture<Long> result;
    try (Scope ignored = span.makeCurrent()) {
      result = CompletableFuture.completedFuture(compute(input));
    } catch (RuntimeException | Error e) {
      failed(span, e);
      span.end();
      throw e;
    }
    result.whenComplete(
        (value, error) -> {
          if (error != null) {
            failed(span, error);
          }
          span.end();
        });
    return result;
  }

  @Traced("tracedVertxFuture")
  public Future<Long> tracedVertxFuture(long input) {
    return Future.succeededFuture(compute(input));
  }

  @NotTraced
  public Future<Long> handWrittenVertxFuture(long input) {
    Span span = tracer.spanBuilder("handWrittenVertxFuture").setAttribute(CODE_FUNCTION_NAME, HAND_WRITTEN_VERTX).startSpan();
    Future<Long> result;
    try (Scope ignored = span.makeCurrent()) {
      result = Future.succeededFuture(compute(input));
    } catch (RuntimeException | Error e) {
      failed(span, e);
      span.end();
      throw e;
    }
    result.onComplete(
        outcome -> {
          if (outcome.failed()) {
            failed(span, outcome.cause());
          }
          span.end();
        });
    return result;
  }

  @WithSpan("withSpan")
  public long withSpan(long input) {
    return compute(input);
  }

  private static void failed(Span span, Throwable error) {
    span.recordException(error);
    span.setStatus(StatusCode.ERROR);
  }
}
