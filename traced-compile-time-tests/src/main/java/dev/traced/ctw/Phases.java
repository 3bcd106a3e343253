package dev.traced.ctw;

import dev.traced.SpanAttribute;
import dev.traced.Traced;
import java.util.concurrent.CompletableFuture;

/** Application code woven at build time, as the README's plugin configuration weaves a user's. */
public class Phases {

  @Traced(value = "phase-1", attributes = {"name=wilson", "addr=cd"})
  public String phaseOne(@SpanAttribute("user") String user) {
    return phaseTwo() + user;
  }

  @Traced("phase-2")
  private String phaseTwo() {
    return "hello ";
  }

  @Traced(value = "failing")
  public void fail(IllegalStateException error) {
    throw error;
  }

  @Traced(value = "later", result = "value")
  public CompletableFuture<Long> later(CompletableFuture<Long> result) {
    return result;
  }
}
