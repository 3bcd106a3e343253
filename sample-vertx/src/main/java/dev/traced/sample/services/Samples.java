package dev.traced.sample.services;

import dev.traced.vertx.VertxHeaders;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.vertx.core.AsyncResult;
import io.vertx.ext.web.RoutingContext;
import java.util.logging.Logger;

/** What the two s1 flavours share. */
final class Samples {

  private static final DistinctFailures S2_FAILURES = new DistinctFailures(Logger.getLogger(Samples.class.getName()));

  /** The instrumentation scope of the sample's hand-written spans. */
  static final String INSTRUMENTATION_SCOPE = "dev.traced.sample";

  private Samples() {}

  /**
   * The context a request's spans start in: the caller's, from the request headers; or, when
   * instrumentation such as the OpenTelemetry Java agent has already started a server span for
   * this request (from the same headers), that span.
   */
  static Context requestContext(ContextPropagators propagators, RoutingContext request) {
    Context current = Context.current();
    if (Span.fromContext(current).getSpanContext().isValid()) {
      return current;
    }
    return VertxHeaders.extract(propagators, request.request().headers());
  }

  /**
   * Answers s1's request once s2 has: {@code hello world 1}, or 502 when s2 failed, recorded on
   * {@code span} (the current span of the request, if any).
   */
  static void replyAfterS2(RoutingContext context, Span span, AsyncResult<String> s2Answer) {
    if (s2Answer.succeeded()) {
      context.response().end("hello world 1");
      return;
    }
    S2_FAILURES.log("the call to s2 failed, answering 502", s2Answer.cause());
    span.recordException(s2Answer.cause());
    span.setStatus(StatusCode.ERROR, "s2 call failed");
    context.response().setStatusCode(502).end("s2 unavailable");
  }
}
