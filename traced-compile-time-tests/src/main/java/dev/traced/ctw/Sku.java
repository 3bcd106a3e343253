package dev.traced.ctw;

import dev.traced.Traced;

/** A record with a class-level {@code @Traced}: only its own method is traced, not its accessors or equals. */
@Traced
public record Sku(String code, int size) {

  public String label() {
    return code + "/" + size;
  }
}
