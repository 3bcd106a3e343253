package dev.traced.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name value} options of the {@code services} and {@code export} measurements. */
public final class Options {

  private Options() {}

  /** Each {@code --name} with the argument after it; a trailing name without a value is ignored. */
  public static Map<String, String> parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i], args[i + 1]);
    }
    return options;
  }
}
