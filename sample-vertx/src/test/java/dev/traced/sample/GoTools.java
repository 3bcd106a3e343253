package dev.traced.sample;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Go programs that {@code tools/build} builds into {@code tools/bin/}: Jaeger, the
 * OpenTelemetry Collector, kustomize and the Compose loader: a {@link Prerequisite} of the tests
 * that run them.
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
    Prerequisite.missing("tools/bin/" + name + " is not built: run tools/build (needs Go 1.26; about 10 minutes the first time)");
    return program;
  }
}
