package dev.traced.sample;

import dev.traced.sample.harness.ServiceProcess;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A bounded burst of {@code GET /} requests from a few concurrent clients, with their latencies. */
final class Load {

  /** Status codes by count (-1: no answer), and latency percentiles in milliseconds. */
  record Result(Map<Integer, Integer> statuses, double medianMillis, double p99Millis) {

    boolean allOk() {
      return statuses.keySet().equals(Set.of(200));
    }
  }

  private Load() {}

  static Result run(ServiceProcess service, int requests, int concurrency) throws InterruptedException {
    long[] latencies = new long[requests];
    int[] statuses = new int[requests];
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(concurrency);
    for (int client = 0; client < concurrency; client++) {
      clients.execute(
          () -> {
            int request;
            while ((request = next.getAndIncrement()) < requests) {
              long started = System.nanoTime();
              statuses[request] = status(service);
              latencies[request] = System.nanoTime() - started;
            }
          });
    }
    clients.shutdown();
    if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
      clients.shutdownNow();
      throw new IllegalStateException("load did not finish in 5 minutes");
    }
    Map<Integer, Integer> counts = new TreeMap<>();
    for (int status : statuses) {
      counts.merge(status, 1, Integer::sum);
    }
    Arrays.sort(latencies);
    return new Result(counts, millis(latencies[requests / 2]), millis(latencies[(int) (requests * 0.99)]));
  }

  private static int status(ServiceProcess service) {
    try {
      return Services.get(service, Map.of()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
