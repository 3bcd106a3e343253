package dev.traced.benchmarks.methods;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Variant 7 of docs/performance.md: {@code @WithSpan} under OpenTelemetry's Java agent, with the
 * hand-written span measured in the same agent JVM as its baseline.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgentCalls {

  @Benchmark
  public long withSpan(Exporting state) {
    return state.work.withSpan(state.calls++);
  }

  @Benchmark
  public long handWrittenUnderAgent(Exporting state) {
    return state.work.handWritten(state.calls++);
  }
}
