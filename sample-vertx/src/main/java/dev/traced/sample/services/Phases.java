package dev.traced.sample.services;

import dev.traced.Traced;
import io.vertx.core.Future;

/**
 * The work of decorator-s1, traced with annotations only, like the tutorial's
 * {@code @traced("phase-1")} functions.
 *
 * <p>{@code phase-1} returns a Vert.x {@code Future}: its span stays open until s2 has answered,
 * and it is current while {@code phase-2} runs and while the s2 call injects its headers.
 */
public class Phases {

  private final S2Client s2;

  Phases(S2Client s2) {
    this.s2 = s2;
  }

  @Traced(value = "phase-1", result = "s2.answer")
  Future<String> phaseOne() {
    phaseTwo();
    return s2.hello();
  }

  @Traced("phase-2")
  void phaseTwo() {
    // The tutorial's second phase does local work only: the span shows it nested in phase-1.
  }
}
