package dev.traced.weaving.configured;

import dev.traced.Traced;

/** Traced methods, one of which {@code -Dtraced.exclude} switches off. */
public class Orders {
  @Traced
  public String place() {
    return new Invoices().note("placed");
  }

  @Traced
  public String cancel() {
    return "cancelled";
  }

  @Traced
  public String cancel(int times) {
    return "cancelled " + times;
  }
}
