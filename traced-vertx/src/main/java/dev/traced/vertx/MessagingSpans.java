package dev.traced.vertx;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.vertx.core.eventbus.ReplyException;

/** The event-bus spans' names, attributes and outcomes, after OpenTelemetry's messaging conventions. */
final class MessagingSpans {

  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  /** The {@code error.type} of a request no reply came for: no handler took it, or it timed out. */
  static final String NO_REPLY = "NO_REPLY";

  private MessagingSpans() {}

  /**
   * Starts the span {@code "<operation> <address>"} for {@code operation} ({@code send},
   * {@code publish} or {@code process}), child of {@code parent}: a PRODUCER span of operation
   * type {@code send} for the first two, a CONSUMER span of type {@code process} for the last.
   */
  static Span start(Tracer tracer, String operation, Context parent, String address) {
    boolean process = operation.equals("process");
    return tracer
        .spanBuilder(operation + " " + address)
        .setSpanKind(process ? SpanKind.CONSUMER : SpanKind.PRODUCER)
        .setParent(parent)
        .setAttribute(SYSTEM, EventBusInterceptors.SYSTEM)
        .setAttribute(DESTINATION, address)
        .setAttribute(OPERATION_TYPE, process ? "process" : "send")
        .setAttribute(OPERATION_NAME, operation)
        .startSpan();
  }

  /** Marks {@code span} failed when {@code reply} is a failure ({@code message.fail}, no handlers, a timeout). */
  static void recordOutcome(Span span, Object reply) {
    if (reply instanceof ReplyException failure) {
      span.setAttribute(ERROR_TYPE, failure.failureType().name());
      span.setStatus(StatusCode.ERROR, failure.getMessage() == null ? failure.failureType().name() : failure.getMessage());
    }
  }
}
