package dev.traced.internal;

import io.opentelemetry.api.trace.SpanBuilder;

/** Records one {@code @SpanAttribute} parameter: which argument, and how to type it. */
final class ParameterBinding {

  private final int index;
  private final AttributeBinding<?> attribute;

  ParameterBinding(int index, AttributeBinding<?> attribute) {
    this.index = index;
    this.attribute = attribute;
  }

  void setOn(SpanBuilder builder, Object[] arguments) {
    attribute.setOn(builder, arguments[index]);
  }

  AttributeBinding<?> attribute() {
    return attribute;
  }
}
