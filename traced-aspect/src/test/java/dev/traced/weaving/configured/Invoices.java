package dev.traced.weaving.configured;

import dev.traced.Traced;

/** A traced class that {@code -Dtraced.exclude} switches off as a whole. */
@Traced
public class Invoices {
  public String send() {
    return "sent";
  }
}
