package dev.traced.benchmarks.services;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs {@code wrk} against one address and reads its summary. */
final class Wrk {

  private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in");
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private final String executable;
  private final int threads;
  private final int connections;

  Wrk(String executable, int threads, int connections) {
    this.executable = executable;
    this.threads = threads;
    this.connections = connections;
  }

  /** What one run of wrk reported. Latencies are in milliseconds. */
  record Result(long requests, double requestsPerSecond, double p50, double p99, long failed) {}

  Result run(String url, Duration duration) throws IOException, InterruptedException {
    List<String> command =
        List.of(
            executable,
            "-t" + threads,
            "-c" + connections,
            "-d" + duration.toSeconds() + "s",
            "--timeout",
            "10s",
            "--latency",
            url);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS) || process.exitValue() != 0) {
      process.destroyForcibly();
      throw new IOException("wrk failed:\n" + output);
    }
    long failed = find(NON_2XX, output).map(Long::parseLong).orElse(0L);
    Matcher errors = ERRORS.matcher(output);
    if (errors.find()) {
      for (int group = 1; group <= 4; group++) {
        failed += Long.parseLong(errors.group(group));
      }
    }
    return new Result(
        Long.parseLong(find(REQUESTS, output).orElseThrow()),
        Double.parseDouble(find(RATE, output).orElseThrow()),
        percentile(output, "50%"),
        percentile(output, "99%"),
        failed);
  }

  private static Optional<String> find(Pattern pattern, String output) {
    Matcher matcher = pattern.matcher(output);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** A latency percentile line of {@code --latency}, such as {@code "  99%   12.34ms"}, in ms. */
  private static double percentile(String output, String percentile) {
    Matcher matcher = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)\\b").matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("no " + percentile + " latency in wrk's output:\n" + output);
    }
    double value = Double.parseDouble(matcher.group(1));
    return switch (matcher.group(2)) {
      case "us" -> value / 1000;
      case "s" -> value * 1000;
      default -> value;
    };
  }
}
