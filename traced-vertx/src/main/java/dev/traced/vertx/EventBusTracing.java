package dev.traced.vertx;

import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.Vertx;

/**
 * Traces Vert.x's event bus with OpenTelemetry, for every {@code send}, {@code request},
 * {@code publish} and reply, without a change to the application's calls: one call at start-up.
 *
 * <pre>{@code
 * EventBusTracing tracing = EventBusTracing.install(vertx, openTelemetry);
 * }</pre>
 *
 * <ul>
 *   <li>Sending from inside a span makes a PRODUCER span {@code send <address>} (or
 *       {@code publish <address>}) whose context travels in the message headers (W3C
 *       {@code traceparent}, {@code tracestate}, {@code baggage}).
 *   <li>Each consumer's handler runs inside a CONSUMER span {@code process <address>}, child of
 *       the producer span and current while the handler runs, so that the spans its code makes
 *       (a {@code @Traced} method, an HTTP call) nest under it.
 *   <li>A request's PRODUCER span lasts until the reply arrives, and the requester's reply
 *       handler runs in the context that sent the request: the continuation stays in the trace.
 *       A consumer that answers a request later (after asynchronous or blocking work) keeps its
 *       CONSUMER span open until it replies or fails.
 *   <li>{@code message.fail(...)} sets error status on the consumer's span and on the requester's.
 *       A request that finds no handler, or gets no reply in time, ends its PRODUCER span with
 *       error status ({@code error.type=NO_REPLY}) once no reply can come any more: Vert.x fails
 *       such a request without a message crossing the event bus's interceptors, so the span waits
 *       for the default request timeout (30 s) plus a second, whatever the request's own timeout.
 * </ul>
 *
 * <p>Spans follow OpenTelemetry's messaging conventions with {@code messaging.system} =
 * {@code vertx-eventbus} (Vert.x's event bus has no registered system name; vertx-tracing uses the
 * same value). The context travels in the message headers, which a clustered event bus carries
 * with the message, so producer and consumer spans join across nodes too.
 */
public final class EventBusTracing implements AutoCloseable {

  private final Vertx vertx;
  private final EventBusInterceptors interceptors;

  private EventBusTracing(Vertx vertx, EventBusInterceptors interceptors) {
    this.vertx = vertx;
    this.interceptors = interceptors;
  }

  /** Starts tracing {@code vertx}'s event bus with {@code openTelemetry}'s tracer and propagators. */
  public static EventBusTracing install(Vertx vertx, OpenTelemetry openTelemetry) {
    return install(vertx, openTelemetry, EventBusInterceptors.DEFAULT_REPLY_WAIT_MILLIS);
  }

  /** As {@link #install(Vertx, OpenTelemetry)}, waiting {@code replyWaitMillis} for a reply. */
  static EventBusTracing install(Vertx vertx, OpenTelemetry openTelemetry, long replyWaitMillis) {
    EventBusInterceptors interceptors = new EventBusInterceptors(vertx, openTelemetry, replyWaitMillis);
    interceptors.addTo(vertx.eventBus());
    return new EventBusTracing(vertx, interceptors);
  }

  /** Stops tracing the event bus; spans still open are ended. */
  @Override
  public void close() {
    interceptors.removeFrom(vertx.eventBus());
  }
}
