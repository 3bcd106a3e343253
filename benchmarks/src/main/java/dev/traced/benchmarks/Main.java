package dev.traced.benchmarks;

import dev.traced.benchmarks.eventbus.EventBusBenchmarks;
import dev.traced.benchmarks.export.ExportCost;
import dev.traced.benchmarks.methods.MethodBenchmarks;
import dev.traced.benchmarks.services.ServiceBenchmarks;
import dev.traced.benchmarks.startup.StartupBenchmarks;
import java.util.Arrays;

/**
 * {@code java -jar benchmarks/target/benchmarks.jar methods|services|export|eventbus|startup [options]}: the
 * measurements of docs/performance.md.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "";
    String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
    switch (which) {
      case "methods" -> MethodBenchmarks.main(rest);
      case "services" -> ServiceBenchmarks.main(rest);
      case "export" -> ExportCost.main(rest);
      case "eventbus" -> EventBusBenchmarks.main(rest);
      case "startup" -> StartupBenchmarks.main(rest);
      default -> {
        System.err.println("usage: java -jar benchmarks.jar methods [JMH options] | services [options] | export [options] | eventbus [JMH options] | startup [--runs n]");
        System.exit(2);
      }
    }
  }
}
