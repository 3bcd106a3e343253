package dev.traced.benchmarks.startup;

import dev.traced.sample.harness.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code benchmarks/run startup [--runs n]}: s2's start-up, from launching its JVM to its
 * "listening" line, with exporters off, in four set-ups run in turn: without and with the weaver,
 * each also with a class-data-sharing archive of its own (JDK 17+, dynamic archive dumped by a first
 * run that is not counted). Prints each set-up's median and runs, and the ratios of the medians.
 */
public final class StartupBenchmarks {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Map<String, String> EXPORTERS_OFF =
      Map.of(
          "OTEL_TRACES_EXPORTER", "none",
          "OTEL_METRICS_EXPORTER", "none",
          "OTEL_LOGS_EXPORTER", "none",
          "BIND_ADDRESS", "127.0.0.1",
          "PORT", "0");

  private StartupBenchmarks() {}

  /** One way of starting s2: the JVM options before {@code -jar}. */
  private record Setup(String name, List<String> options) {}

  public static void main(String[] args) throws Exception {
    int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 7;
    Path sampleJar = Path.of("sample-vertx/target/sample-vertx.jar").toAbsolutePath();
    String weaver = "-javaagent:" + sampleJar.resolveSibling("aspectjweaver.jar");
    Path archives = Files.createTempDirectory("traced-startup-");
    List<Setup> setups =
        List.of(
            new Setup("without the weaver", List.of()),
            new Setup("with the weaver", List.of(weaver)),
            withArchive(sampleJar, "without the weaver, CDS archive", List.of(), archives.resolve("plain.jsa")),
            withArchive(sampleJar, "with the weaver, CDS archive", List.of(weaver), archives.resolve("woven.jsa")));
    Map<String, List<Long>> millis = new LinkedHashMap<>();
    for (int run = 0; run < runs; run++) {
      for (Setup setup : setups) {
        millis.computeIfAbsent(setup.name(), name -> new ArrayList<>()).add(timeToListen(sampleJar, setup.options()));
      }
    }
    System.out.println("| s2 start-up, JVM start to \"listening\" | median ms | runs (ms) |");
    System.out.println("|---|---:|---|");
    millis.forEach((name, times) -> System.out.printf(Locale.ROOT, "| %s | %d | %s |%n", name, median(times), sorted(times)));
    long plain = median(millis.get("without the weaver"));
    long plainArchived = median(millis.get("without the weaver, CDS archive"));
    System.out.printf(Locale.ROOT, "%nwith the weaver / without: %.2f ×%n", (double) median(millis.get("with the weaver")) / plain);
    System.out.printf(
        Locale.ROOT, "both with CDS archives, with the weaver / without: %.2f ×%n",
        (double) median(millis.get("with the weaver, CDS archive")) / plainArchived);
  }

  /**
   * A set-up that uses a dynamic CDS archive, dumped first by one run of the same set-up. A JVM
   * with a Java agent only dumps one with {@code AllowArchivingWithJavaAgent}, a diagnostic option.
   */
  private static Setup withArchive(Path sampleJar, String name, List<String> options, Path archive)
      throws IOException, InterruptedException {
    List<String> unlock = options.isEmpty() ? List.of() : List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+AllowArchivingWithJavaAgent");
    List<String> dump = new ArrayList<>(unlock);
    dump.add("-XX:ArchiveClassesAtExit=" + archive);
    dump.addAll(options);
    timeToListen(sampleJar, dump);
    if (!Files.isRegularFile(archive)) {
      throw new IOException("no CDS archive was dumped at " + archive);
    }
    List<String> use = new ArrayList<>(unlock);
    use.add("-XX:SharedArchiveFile=" + archive);
    use.addAll(options);
    return new Setup(name, use);
  }

  private static long timeToListen(Path sampleJar, List<String> options) throws IOException, InterruptedException {
    long started = System.nanoTime();
    try (ServiceProcess s2 = ServiceProcess.launch(sampleJar, options, "s2", EXPORTERS_OFF, TIMEOUT)) {
      return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
  }

  private static long median(List<Long> values) {
    return sorted(values).get(values.size() / 2);
  }

  private static List<Long> sorted(List<Long> values) {
    return values.stream().sorted().toList();
  }
}
