package dev.traced.benchmarks.methods;

import io.opentelemetry.api.GlobalOpenTelemetry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import reactor.core.publisher.Flux;

/**
 * Each asynchronous kind, traced with {@code @Traced} (woven at load time) and by hand: a future
 * that has completed, or a publisher subscribed to the end, in the benchmark itself.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ReactiveCalls {

  /** The hand-written and traced variants, over the SDK that {@link Exporting} built. */
  @State(Scope.Benchmark)
  public static class Kinds {
    ReactiveWork work;

    @Setup(Level.Trial)
    public void start(Exporting exporting) {
      work = new ReactiveWork(GlobalOpenTelemetry.getTracer("dev.traced.benchmarks"));
    }
  }

  @Benchmark
  public Object tracedListenableFuture(Exporting state, Kinds kinds) throws Exception {
    return kinds.work.tracedListenableFuture(state.calls++).get();
  }

  @Benchmark
  public Object handWrittenListenableFuture(Exporting state, Kinds kinds) throws Exception {
    return kinds.work.handWrittenListenableFuture(state.calls++).get();
  }

  @Benchmark
  public Object tracedMono(Exporting state, Kinds kinds) {
    return kinds.work.tracedMono(state.calls++).block();
  }

  @Benchmark
  public Object handWrittenMono(Exporting state, Kinds kinds) {
    return kinds.work.handWrittenMono(state.calls++).block();
  }

  @Benchmark
  public void tracedFlux(Exporting state, Kinds kinds, Blackhole blackhole) {
    kinds.work.tracedFlux(state.calls++).subscribe(blackhole::consume);
  }

  @Benchmark
  public void handWrittenFlux(Exporting state, Kinds kinds, Blackhole blackhole) {
    kinds.work.handWrittenFlux(state.calls++).subscribe(blackhole::consume);
  }

  @Benchmark
  public Object tracedSingle(Exporting state, Kinds kinds) {
    return kinds.work.tracedSingle(state.calls++).blockingGet();
  }

  @Benchmark
  public Object handWrittenSingle(Exporting state, Kinds kinds) {
    return kinds.work.handWrittenSingle(state.calls++).blockingGet();
  }

  @Benchmark
  public Object tracedUni(Exporting state, Kinds kinds) {
    return kinds.work.tracedUni(state.calls++).await().indefinitely();
  }

  @Benchmark
  public Object handWrittenUni(Exporting state, Kinds kinds) {
    return kinds.work.handWrittenUni(state.calls++).await().indefinitely();
  }

  @Benchmark
  public Object tracedMaybe(Exporting state, Kinds kinds) {
    return kinds.work.tracedMaybe(state.calls++).blockingGet();
  }

  @Benchmark
  public Object handWrittenMaybe(Exporting state, Kinds kinds) {
    return kinds.work.handWrittenMaybe(state.calls++).blockingGet();
  }

  @Benchmark
  public void tracedCompletable(Exporting state, Kinds kinds) {
    kinds.work.tracedCompletable(state.calls++).blockingAwait();
  }

  @Benchmark
  public void handWrittenCompletable(Exporting state, Kinds kinds) {
    kinds.work.handWrittenCompletable(state.calls++).blockingAwait();
  }

  @Benchmark
  public void tracedObservable(Exporting state, Kinds kinds, Blackhole blackhole) {
    kinds.work.tracedObservable(state.calls++).subscribe(blackhole::consume);
  }

  @Benchmark
  public void handWrittenObservable(Exporting state, Kinds kinds, Blackhole blackhole) {
    kinds.work.handWrittenObservable(state.calls++).subscribe(blackhole::consume);
  }

  @Benchmark
  public void tracedFlowable(Exporting state, Kinds kinds, Blackhole blackhole) {
    kinds.work.tracedFlowable(state.calls++).subscribe(blackhole::consume);
  }

  @Benchmark
  public void handWrittenFlowable(Exporting state, Kinds kinds, Blackhole blackhole) {
    kinds.work.handWrittenFlowable(state.calls++).subscribe(blackhole::consume);
  }

  @Benchmark
  public void tracedMulti(Exporting state, Kinds kinds, Blackhole blackhole) {
    kinds.work.tracedMulti(state.calls++).subscribe().with(blackhole::consume);
  }

  @Benchmark
  public void handWrittenMulti(Exporting state, Kinds kinds, Blackhole blackhole) {
    kinds.work.handWrittenMulti(state.calls++).subscribe().with(blackhole::consume);
  }

  @Benchmark
  public void tracedPublisher(Exporting state, Kinds kinds, Blackhole blackhole) {
    Flux.from(kinds.work.tracedPublisher(state.calls++)).subscribe(blackhole::consume);
  }

  @Benchmark
  public void handWrittenPublisher(Exporting state, Kinds kinds, Blackhole blackhole) {
    Flux.from(kinds.work.handWrittenPublisher(state.calls++)).subscribe(blackhole::consume);
  }
}
