package dev.traced.benchmarks.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.benchmarks.services.ThreadCpu.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadCpuTest {

  @Test
  void readsUserAndSystemTicksAfterANameWithSpacesAndParentheses() {
    String stat = "19457 (C2 (x) Thread) R 19453 19453 5188 0 -1 4194304 124 0 0 0 700 42 0 0 20 0 1 0 2782749";

    assertThat(ThreadCpu.cpuTicks(stat)).isEqualTo(742);
  }

  @Test
  void knowsEachThreadByTheStartOfItsShortenedName() {
    assertThat(Role.of("vert.x-eventloo")).isEqualTo(Role.EVENT_LOOP);
    assertThat(Role.of("BatchSpanProces")).isEqualTo(Role.EXPORT);
    assertThat(Role.of("okhttp-dispatch")).isEqualTo(Role.EXPORT);
    assertThat(Role.of("OkHttp TaskRunn")).isEqualTo(Role.EXPORT);
    assertThat(Role.of("GC Thread#1")).isEqualTo(Role.GC);
    assertThat(Role.of("G1 Conc#0")).isEqualTo(Role.GC);
    assertThat(Role.of("VM Thread")).isEqualTo(Role.GC);
    assertThat(Role.of("C2 CompilerThre")).isEqualTo(Role.JIT);
    assertThat(Role.of("C1 CompilerThre")).isEqualTo(Role.JIT);
    assertThat(Role.of("vertx-blocked-t")).isEqualTo(Role.OTHER);
  }

  @Test
  void countsTheCpuThisProcessGoesOnUsing() {
    long pid = ProcessHandle.current().pid();
    ThreadCpu before = ThreadCpu.of(pid);
    long deadline = System.nanoTime() + 5_000_000_000L;
    long used = 0;
    // Busy until the kernel has counted at least one more tick of this process, or 5 s.
    while (used == 0 && System.nanoTime() < deadline) {
      used = total(ThreadCpu.of(pid).since(before));
    }

    assertThat(used).isPositive();
  }

  private static long total(ThreadCpu cpu) {
    return cpu.ticks().values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void sumsRoleByRole() {
    ThreadCpu a = new ThreadCpu(Map.of(Role.EVENT_LOOP, 3L, Role.EXPORT, 1L));
    ThreadCpu b = new ThreadCpu(Map.of(Role.EVENT_LOOP, 2L, Role.GC, 5L));

    ThreadCpu sum = a.plus(b);

    assertThat(sum.nanos(Role.EVENT_LOOP)).isEqualTo(5 * ThreadCpu.NANOS_PER_TICK);
    assertThat(sum.nanos(Role.EXPORT)).isEqualTo(ThreadCpu.NANOS_PER_TICK);
    assertThat(sum.nanos(Role.GC)).isEqualTo(5 * ThreadCpu.NANOS_PER_TICK);
    assertThat(sum.nanos(Role.JIT)).isZero();
  }
}
