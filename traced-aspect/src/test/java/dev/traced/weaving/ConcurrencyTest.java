package dev.traced.weaving;

import static dev.traced.weaving.TestTracing.awaitSpans;
import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.SpanAttribute;
import dev.traced.Traced;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestTracing.class)
class ConcurrencyTest {

  private static final int THREADS = 8;
  private static final int CALLS_PER_THREAD = 200;
  private static final AttributeKey<Long> CALL = AttributeKey.longKey("call");

  static class Worker {
    final ConcurrentLinkedQueue<String> leaks = new ConcurrentLinkedQueue<>();

    @Traced("outer")
    void outer(@SpanAttribute("call") long call) {
      inner(call);
    }

    @Traced("inner")
    void inner(@SpanAttribute("call") long call) {}
  }

  @Test
  void manyThreadsAtOnceEachGetTheirOwnParentsAndNoContextLeaks() throws Exception {
    Worker worker = new Worker();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> running = new ArrayList<>();
    try {
      for (int t = 0; t < THREADS; t++) {
        long firstCall = (long) t * CALLS_PER_THREAD;
        running.add(
            pool.submit(
                () -> {
                  start.await();
                  for (long call = firstCall; call < firstCall + CALLS_PER_THREAD; call++) {
                    worker.outer(call);
                    if (Span.current().getSpanContext().isValid()) {
                      worker.leaks.add(Thread.currentThread().getName());
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> future : running) {
        future.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    int calls = THREADS * CALLS_PER_THREAD;
    List<SpanData> spans = awaitSpans(2 * calls);
    Map<Long, SpanData> outers = byCall(spans, "outer");
    Map<Long, SpanData> inners = byCall(spans, "inner");
    assertThat(outers).hasSize(calls);
    assertThat(inners).hasSize(calls);
    for (long call = 0; call < calls; call++) {
      SpanData outer = outers.get(call);
      SpanData inner = inners.get(call);
      assertThat(outer.getParentSpanContext().isValid()).as("outer %d is a root", call).isFalse();
      assertThat(inner.getParentSpanId()).as("parent of inner %d", call).isEqualTo(outer.getSpanId());
      assertThat(inner.getTraceId()).isEqualTo(outer.getTraceId());
    }
    assertThat(outers.values().stream().map(SpanData::getTraceId).distinct()).hasSize(calls);
    assertThat(worker.leaks).isEmpty();
  }

  @Test
  void asyncResultsCompletedOnOtherThreadsEndTheirOwnSpans() throws Exception {
    AsyncWorker worker = new AsyncWorker();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<CompletableFuture<Long>> results = new ArrayList<>();
    try {
      for (long call = 0; call < 500; call++) {
        results.add(worker.compute(call, pool));
      }
      CompletableFuture.allOf(results.toArray(new CompletableFuture[0])).get(30, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }

    Map<Long, SpanData> spans = byCall(awaitSpans(500), "compute");
    assertThat(spans).hasSize(500);
    spans.forEach((call, span) -> assertThat(span.getAttributes().get(AttributeKey.longKey("doubled"))).isEqualTo(call * 2));
  }

  static class AsyncWorker {
    @Traced(value = "compute", result = "doubled")
    CompletableFuture<Long> compute(@SpanAttribute("call") long call, ExecutorService pool) {
      return CompletableFuture.supplyAsync(() -> call * 2, pool);
    }
  }

  private static Map<Long, SpanData> byCall(List<SpanData> spans, String name) {
    return spans.stream()
        .filter(span -> span.getName().equals(name))
        .collect(Collectors.toMap(span -> span.getAttributes().get(CALL), Function.identity()));
  }
}
