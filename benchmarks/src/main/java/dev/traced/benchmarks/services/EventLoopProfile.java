package dev.traced.benchmarks.services;

import dev.traced.benchmarks.profile.Profiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The event loops' samples of a {@link Profiler} file, by the code each sample was in: whether the
 * event loops of a slower set-up spend their extra time in one place, or everywhere a little.
 */
record EventLoopProfile(Map<Code, Long> samples) {

  /** Where a sample's innermost frame is. */
  enum Code {
    KERNEL("kernel"),
    JVM("JVM and native"),
    JDK("JDK"),
    NETTY("Netty"),
    VERTX("Vert.x"),
    OPENTELEMETRY("OpenTelemetry"),
    TRACED("traced"),
    OTHER("other Java");

    final String label;

    Code(String label) {
      this.label = label;
    }

    /** A frame as async-profiler writes it: {@code do_syscall_64_[k]}, {@code io/netty/...}, {@code itable stub}. */
    static Code of(String frame) {
      if (frame.endsWith("_[k]")) {
        return KERNEL;
      }
      if (!frame.contains("/")) {
        return JVM;
      }
      if (frame.startsWith("java/") || frame.startsWith("jdk/") || frame.startsWith("sun/")) {
        return JDK;
      }
      if (frame.startsWith("io/netty/")) {
        return NETTY;
      }
      if (frame.startsWith("io/vertx/")) {
        return VERTX;
      }
      if (frame.startsWith("io/opentelemetry/")) {
        return OPENTELEMETRY;
      }
      if (frame.startsWith("dev/traced/")) {
        return TRACED;
      }
      return OTHER;
    }
  }

  /** The event loops' samples in the collapsed stacks of {@code files}, the thread's name first on each line. */
  static EventLoopProfile read(List<Path> files) throws IOException {
    Map<Code, Long> samples = new EnumMap<>(Code.class);
    for (Code code : Code.values()) {
      samples.put(code, 0L);
    }
    for (Path file : files) {
      try (Stream<String> lines = Files.lines(file)) {
        lines.filter(line -> ThreadCpu.Role.of(threadName(line)) == ThreadCpu.Role.EVENT_LOOP).forEach(line -> count(line, samples));
      }
    }
    return new EventLoopProfile(samples);
  }

  /** The first frame of a line is the thread, as {@code [vert.x-eventloop-thread-0 tid=42]}. */
  private static String threadName(String line) {
    int end = line.indexOf(" tid=");
    return line.startsWith("[") && end > 0 ? line.substring(1, end) : "";
  }

  private static void count(String line, Map<Code, Long> samples) {
    int space = line.lastIndexOf(' ');
    String stack = line.substring(0, space);
    String leaf = stack.substring(stack.lastIndexOf(';') + 1);
    samples.merge(Code.of(leaf), Long.parseLong(line.substring(space + 1)), Long::sum);
  }

  long total() {
    return samples.values().stream().mapToLong(Long::longValue).sum();
  }
}
