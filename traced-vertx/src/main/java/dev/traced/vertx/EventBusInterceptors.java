package dev.traced.vertx;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The two event-bus interceptors behind {@link EventBusTracing}: outbound, on the sender's thread
 * as a message leaves; inbound, on the consumer's thread just before its handler runs.
 *
 * <p>A request and its reply are matched by the request's reply address, a one-off address the
 * event bus makes for each request: the requester's PRODUCER span waits under it for the reply to
 * arrive, the consumer's CONSUMER span for the reply to leave. When a request finds no handler or
 * times out, Vert.x fails it without any message crossing the interceptors (the only hook there
 * is on a running {@code Vertx}), so a span that no reply has come for ends with error status
 * once a reply can no longer come: after the reply wait, by default the event bus's own default
 * request timeout plus a second. One periodic sweep finds them, rather than a timer per request,
 * which would cost each round trip two timers set and cancelled. Nothing is held longer.
 */
final class EventBusInterceptors {

  static final String INSTRUMENTATION_SCOPE = "dev.traced.vertx.eventbus";
  static final String SYSTEM = "vertx-eventbus";
  /** Longer than the event bus's default request timeout: a reply that arrives in time always wins. */
  static final long DEFAULT_REPLY_WAIT_MILLIS = DeliveryOptions.DEFAULT_TIMEOUT + 1_000;

  private final Vertx vertx;
  private final long replyWaitMillis;
  private final Tracer tracer;
  private final ContextPropagators propagators;
  private final Handler<DeliveryContext<Object>> outbound = this::outbound;
  private final Handler<DeliveryContext<Object>> inbound = this::inbound;
  /** Requests sent, by reply address: the requester's PRODUCER span and the context it was sent in. */
  private final Map<String, Waiting> requests = new ConcurrentHashMap<>();
  /** Requests received, by reply address: the consumer's CONSUMER span, open until it replies. */
  private final Map<String, Waiting> consumers = new ConcurrentHashMap<>();
  private long sweeper = -1;

  private record Waiting(Span span, Context context, long deadlineNanos) {}

  EventBusInterceptors(Vertx vertx, OpenTelemetry openTelemetry, long replyWaitMillis) {
    this.vertx = vertx;
    this.replyWaitMillis = replyWaitMillis;
    this.tracer = openTelemetry.getTracer(INSTRUMENTATION_SCOPE);
    this.propagators = openTelemetry.getPropagators();
  }

  void addTo(EventBus eventBus) {
    eventBus.addOutboundInterceptor(outbound);
    eventBus.addInboundInterceptor(inbound);
    sweeper = vertx.setPeriodic(Math.max(10, Math.min(1_000, replyWaitMillis / 4)), tick -> sweep(System.nanoTime()));
  }

  void removeFrom(EventBus eventBus) {
    eventBus.removeOutboundInterceptor(outbound);
    eventBus.removeInboundInterceptor(inbound);
    vertx.cancelTimer(sweeper);
    requests.keySet().forEach(address -> end(requests, address, null));
    consumers.keySet().forEach(address -> end(consumers, address, null));
  }

  /** Ends, with error status, the spans whose reply can no longer come. */
  private void sweep(long now) {
    for (Map<String, Waiting> waiting : List.of(requests, consumers)) {
      waiting.forEach(
          (address, entry) -> {
            if (now - entry.deadlineNanos() >= 0) {
              end(waiting, address, "no reply within " + replyWaitMillis + " ms");
            }
          });
    }
  }

  private void outbound(DeliveryContext<Object> delivery) {
    Message<Object> message = delivery.message();
    Waiting answered = consumers.remove(message.address());
    if (answered != null) {
      reply(delivery, answered);
      return;
    }
    String operation = delivery.send() ? "send" : "publish";
    Span span = MessagingSpans.start(tracer, operation, Context.current(), message.address());
    Context sent = Context.current().with(span);
    VertxHeaders.inject(propagators, sent, message.headers());
    String replyAddress = message.replyAddress();
    if (replyAddress != null) {
      requests.put(replyAddress, new Waiting(span, Context.current(), deadline()));
    }
    try (Scope ignored = sent.makeCurrent()) {
      delivery.next();
    } finally {
      if (replyAddress == null) {
        span.end();
      }
    }
  }

  /** A consumer's reply leaving: it carries the consumer's context back, and ends the consumer's span. */
  private void reply(DeliveryContext<Object> delivery, Waiting consumer) {
    VertxHeaders.inject(propagators, consumer.context(), delivery.message().headers());
    MessagingSpans.recordOutcome(consumer.span(), delivery.body());
    try {
      delivery.next();
    } finally {
      consumer.span().end();
    }
  }

  private void inbound(DeliveryContext<Object> delivery) {
    Message<Object> message = delivery.message();
    Waiting request = requests.remove(message.address());
    if (request != null) {
      // The reply to a request sent here: the requester's continuation runs in the request's context.
      MessagingSpans.recordOutcome(request.span(), delivery.body());
      request.span().end();
      try (Scope ignored = request.context().makeCurrent()) {
        delivery.next();
      }
      return;
    }
    Context parent = VertxHeaders.extract(propagators, message.headers());
    Span span = MessagingSpans.start(tracer, "process", parent, message.address());
    Context processing = parent.with(span);
    String replyAddress = message.replyAddress();
    boolean awaitsReply = replyAddress != null && delivery.send();
    if (awaitsReply) {
      consumers.put(replyAddress, new Waiting(span, processing, deadline()));
    }
    try (Scope ignored = processing.makeCurrent()) {
      delivery.next();
    } finally {
      if (!awaitsReply) {
        span.end();
      }
    }
  }

  private long deadline() {
    return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(replyWaitMillis);
  }

  private void end(Map<String, Waiting> waiting, String replyAddress, String error) {
    Waiting entry = waiting.remove(replyAddress);
    if (entry == null) {
      return;
    }
    if (error != null) {
      entry.span().setAttribute(MessagingSpans.ERROR_TYPE, MessagingSpans.NO_REPLY);
      entry.span().setStatus(StatusCode.ERROR, error);
    }
    entry.span().end();
  }
}
