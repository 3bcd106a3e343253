package dev.traced.benchmarks.methods;

import io.vertx.core.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Variants 1 to 6 of docs/performance.md: a method untraced, with {@code @Traced} (woven at load
 * time; {@link MethodBenchmarks} also runs it switched off), and the same spans written by hand.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TracedCalls {

  @Benchmark
  public long untraced(Exporting state) {
    return state.work.untraced(state.calls++);
  }

  @Benchmark
  public long traced(Exporting state) {
    return state.work.traced(state.calls++);
  }

  @Benchmark
  public long handWritten(Exporting state) {
    return state.work.handWritten(state.calls++);
  }

  @Benchmark
  public long untracedWithAttributes(Exporting state) {
    return state.work.untracedWithAttributes("wilson", state.calls++);
  }

  @Benchmark
  public long tracedWithAttributes(Exporting state) {
    return state.work.tracedWithAttributes("wilson", state.calls++);
  }

  @Benchmark
  public long handWrittenWithAttributes(Exporting state) {
    return state.work.handWrittenWithAttributes("wilson", state.calls++);
  }

  @Benchmark
  public CompletableFuture<Long> tracedCompletableFuture(Exporting state) {
    return state.work.tracedCompletableFuture(state.calls++);
  }

  @Benchmark
  public CompletableFuture<Long> handWrittenCompletableFuture(Exporting state) {
    return state.work.handWrittenCompletableFuture(state.calls++);
  }

  @Benchmark
  public Future<Long> tracedVertxFuture(Exporting state) {
    return state.work.tracedVertxFuture(state.calls++);
  }

  @Benchmark
  public Future<Long> handWrittenVertxFuture(Exporting state) {
    return state.work.handWrittenVertxFuture(state.calls++);
  }
}
