package dev.traced.sample;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The Go programs that {@code tools/build} builds into {@code tools/bin/}: Jaeger, the
 * OpenTelemetry Collector, kustomize and the Compose loader. Without them a test is skipped with
 * one line saying how to build them; under {@code CI=true} it fails instead, so CI never skips.
 */
public final class GoTools {

  static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
  static final Path BIN = ROOT.resolve("tools").resolve("bin");

  private GoTools() {}

  /** The built program {@code name}; skips (or, in CI, fails) the test when it is not built. */
  public static Path require(String name) {
    Path program = BIN.resolve(name);
    if (Files.isExecutable(program)) {
      return program;
    }
    String missing = "tools/bin/" + name + " is not built: run tools/build (needs Go 1.26; about 10 minutes the first time)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(missing);
    }
    System.out.println("skipped: " + missing);
    Assumptions.abort(missing);
    return program;
  }
}
