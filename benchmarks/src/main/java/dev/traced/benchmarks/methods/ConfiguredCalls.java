package dev.traced.benchmarks.methods;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Variants 10 of docs/performance.md, in a JVM with a metric reader and {@code traced.exclude}
 * set ({@link MethodBenchmarks}): the duration metric against the span alone, an excluded method
 * and a method woven only because it might override a {@code @Traced} one against the unwoven
 * method, and a method listed in {@code aop.xml} against {@code @Traced}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ConfiguredCalls {

  /** The methods, beside {@link Exporting}'s SDK. */
  @State(Scope.Benchmark)
  public static class Methods {
    final ConfiguredWork configured = new ConfiguredWork();
    final ListedWork listed = new ListedWork();
  }

  @Benchmark
  public long configuredTraced(Exporting state, Methods methods) {
    return methods.configured.traced(state.calls++);
  }

  @Benchmark
  public long timed(Exporting state, Methods methods) {
    return methods.configured.timed(state.calls++);
  }

  @Benchmark
  public long excluded(Exporting state, Methods methods) {
    return methods.configured.excluded(state.calls++);
  }

  @Benchmark
  public long mayOverride(Exporting state, Methods methods) {
    return methods.configured.mayOverride(state.calls++);
  }

  @Benchmark
  public long configuredUntraced(Exporting state, Methods methods) {
    return methods.configured.untraced(state.calls++);
  }

  @Benchmark
  public long listed(Exporting state, Methods methods) {
    return methods.listed.listed(state.calls++);
  }
}
