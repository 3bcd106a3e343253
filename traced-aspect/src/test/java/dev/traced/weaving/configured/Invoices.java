package dev.traced.weaving.configured;

import dev.traced.CurrentSpan;
import dev.traced.SpanAttribute;
import dev.traced.Traced;

/** A traced class that {@code -Dtraced.exclude} switches off as a whole. */
@Traced
public class Invoices {
  public String send() {
    return "sent";
  }

  /** Called inside {@code Orders.place}'s span, which it notes unless its class is excluded. */
  @CurrentSpan(result = "invoice.note")
  public String note(@SpanAttribute("invoice.for") String what) {
    return "invoice for " + what;
  }
}
