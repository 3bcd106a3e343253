package dev.traced.benchmarks.services;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * CPU time of one process so far, split by what its threads do, read from
 * {@code /proc/<pid>/task}: whether a slower service lost its time on its event loops or to the
 * threads that export its spans.
 *
 * <p>A thread that ends takes its time with it: the JVM retires idle JIT compiler threads, so that
 * role can read low. The event loops and the export threads live as long as the service. Elsewhere
 * than on Linux every role reads as zero.
 */
record ThreadCpu(Map<Role, Long> ticks) {

  /** Linux reports thread CPU time in ticks of 10 ms ({@code USER_HZ}). */
  static final long NANOS_PER_TICK = 10_000_000;

  /** What a thread does, known by the start of its name (at most 15 characters in {@code comm}). */
  enum Role {
    EVENT_LOOP("event loops"),
    EXPORT("span export"),
    GC("GC and VM"),
    JIT("JIT compilers"),
    OTHER("other");

    final String label;

    Role(String label) {
      this.label = label;
    }

    static Role of(String threadName) {
      if (threadName.startsWith("vert.x-eventloo")) {
        return EVENT_LOOP;
      }
      // The SDK's batch processor and the OkHttp client its OTLP exporter sends with.
      if (threadName.startsWith("BatchSpanProces") || threadName.toLowerCase().startsWith("okhttp")) {
        return EXPORT;
      }
      if (threadName.startsWith("GC Thread") || threadName.startsWith("G1 ") || threadName.equals("VM Thread")) {
        return GC;
      }
      if (threadName.startsWith("C1 CompilerThre") || threadName.startsWith("C2 CompilerThre")) {
        return JIT;
      }
      return OTHER;
    }
  }

  static ThreadCpu of(long pid) {
    Map<Role, Long> ticks = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      ticks.put(role, 0L);
    }
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks) {
        try {
          Role role = Role.of(Files.readString(task.resolve("comm")).strip());
          ticks.merge(role, cpuTicks(Files.readString(task.resolve("stat"))), Long::sum);
        } catch (IOException | RuntimeException threadEnded) {
          // A thread that ended between the listing and the read has nothing more to count.
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      // Every role stays at zero.
    }
    return new ThreadCpu(ticks);
  }

  /**
   * User plus system ticks of one {@code stat} line. The fields are counted after the name's
   * closing parenthesis, since a thread's name may hold spaces.
   */
  static long cpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name and state.
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** What was used between {@code earlier} and this. */
  ThreadCpu since(ThreadCpu earlier) {
    Map<Role, Long> used = new EnumMap<>(Role.class);
    ticks.forEach((role, now) -> used.put(role, now - earlier.ticks.getOrDefault(role, 0L)));
    return new ThreadCpu(used);
  }

  ThreadCpu plus(ThreadCpu other) {
    Map<Role, Long> sum = new EnumMap<>(Role.class);
    sum.putAll(ticks);
    other.ticks.forEach((role, more) -> sum.merge(role, more, Long::sum));
    return new ThreadCpu(sum);
  }

  long nanos(Role role) {
    return ticks.getOrDefault(role, 0L) * NANOS_PER_TICK;
  }
}
