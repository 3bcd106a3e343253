package dev.traced.ctw;

import dev.traced.NotTraced;
import dev.traced.Traced;

/** A class-level {@code @Traced} woven at build time, with a method that opts out. */
@Traced
public class Catalog {

  public int size() {
    return 3;
  }

  @NotTraced
  public int quiet() {
    return 0;
  }
}
