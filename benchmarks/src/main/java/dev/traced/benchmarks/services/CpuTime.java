package dev.traced.benchmarks.services;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * CPU time used so far by s1, s2 and this JVM (where the span sinks run), and by the whole
 * machine, so that a measurement can say which process its CPU went to.
 *
 * <p>The machine's busy and idle time come from {@code /proc/stat}; elsewhere they read as zero.
 */
record CpuTime(Duration s1, Duration s2, Duration sink, long machineBusyTicks, long machineIdleTicks) {

  private static final Path PROC_STAT = Path.of("/proc/stat");

  static CpuTime now(long s1Pid, long s2Pid) {
    long[] machine = machineTicks();
    return new CpuTime(of(s1Pid), of(s2Pid), ownCpu(), machine[0], machine[1]);
  }

  /** What was used between {@code earlier} and this. */
  CpuTime since(CpuTime earlier) {
    return new CpuTime(
        s1.minus(earlier.s1),
        s2.minus(earlier.s2),
        sink.minus(earlier.sink),
        machineBusyTicks - earlier.machineBusyTicks,
        machineIdleTicks - earlier.machineIdleTicks);
  }

  /** This and {@code other} together: the CPU of several measurements. */
  CpuTime plus(CpuTime other) {
    return new CpuTime(
        s1.plus(other.s1),
        s2.plus(other.s2),
        sink.plus(other.sink),
        machineBusyTicks + other.machineBusyTicks,
        machineIdleTicks + other.machineIdleTicks);
  }

  /** The machine's idle share over a span of time from {@link #since}, 0 to 1. */
  double machineIdle() {
    long total = machineBusyTicks + machineIdleTicks;
    return total == 0 ? 0 : (double) machineIdleTicks / total;
  }

  private static Duration of(long pid) {
    return ProcessHandle.of(pid).flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
  }

  private static Duration ownCpu() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Duration.ofNanos(os.getProcessCpuTime());
    }
    return Duration.ZERO;
  }

  /** Busy and idle ticks of all cores: the first line of /proc/stat, idle and iowait as idle. */
  private static long[] machineTicks() {
    try {
      String[] fields = Files.readAllLines(PROC_STAT).get(0).trim().split("\\s+");
      long busy = 0;
      long idle = 0;
      for (int i = 1; i < Math.min(fields.length, 9); i++) {
        long ticks = Long.parseLong(fields[i]);
        if (i == 4 || i == 5) {
          idle += ticks;
        } else {
          busy += ticks;
        }
      }
      return new long[] {busy, idle};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
