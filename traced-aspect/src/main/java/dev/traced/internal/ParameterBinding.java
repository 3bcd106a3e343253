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

  /** The same, for a method of up to three parameters whose arguments come by position. */
  void setOn(SpanBuilder builder, Object a0, Object a1, Object a2) {
    attribute.setOn(builder, index == 0 ? a0 : index == 1 ? a1 : a2);
  }
}
