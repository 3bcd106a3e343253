package dev.traced.sample;

import static org.junit.jupiter.api.Assertions.fail;

import dev.traced.sample.harness.DataStores;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine beyond a JDK and Maven. Without it the test is skipped with
 * one line saying how to get it; under {@code CI=true} it fails instead, so CI never skips.
 */
public final class Prerequisite {

  /** What has been said already: one line per missing thing, however many tests need it. */
  private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

  private Prerequisite() {}

  /** Skips the test (or, in CI, fails it), saying once in one line what is missing and how to get it. */
  public static void missing(String what) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(what);
    }
    if (ANNOUNCED.add(what)) {
      System.out.println("skipped: " + what);
    }
    Assumptions.abort(what);
  }

  /** Redis and MariaDB, started on free loopback ports; skips (or, in CI, fails) when not installed. */
  static DataStores dataStores() throws IOException, InterruptedException {
    DataStores.missing().ifPresent(Prerequisite::missing);
    return DataStores.start();
  }
}
