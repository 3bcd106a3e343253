package dev.traced.benchmarks.methods;

import dev.traced.NotTraced;
import dev.traced.Traced;

/**
 * The work of {@link Work#compute}, under the settings of {@code ConfiguredCalls}'s JVM: with and
 * without the duration metric, excluded by {@code traced.exclude}, and untraced in a class that has
 * {@code @Traced} methods (the weaver weaves such a method because it might override one).
 */
public class ConfiguredWork {

  @Traced("configuredTraced")
  public long traced(long input) {
    return Work.compute(input);
  }

  @Traced(value = "timed", metrics = true)
  public long timed(long input) {
    return Work.compute(input);
  }

  /** Switched off by {@code -Dtraced.exclude=...ConfiguredWork#excluded} in this JVM. */
  @Traced("excluded")
  public long excluded(long input) {
    return Work.compute(input);
  }

  /** Woven, because its class has {@code @Traced} methods, and found untraced on its first call. */
  public long mayOverride(long input) {
    return Work.compute(input);
  }

  /** Not woven at all: the baseline of the three above. */
  @NotTraced
  public long untraced(long input) {
    return Work.compute(input);
  }
}
