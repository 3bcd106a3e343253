package dev.traced.benchmarks.startup;

import dev.traced.sample.harness.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code benchmarks/run startup [--runs n]}: s2's start-up, from launching its JVM to its
 * "listening" line, with exporters off, in set-ups run in turn: without the weaver, with it, with
 * it and its weaving cache (filled by a first run that is not counted), with it and an aspect that
 * matches nothing instead of traced's ({@link WeaverFloor}), and woven at compile time
 * instead ({@link CompileTimeWeaving}), each also with a class-data-sharing archive of its own
 * (JDK 17+, dynamic archive dumped by a first run that is not counted), and the weaver's cache and
 * archive once more with the weaver's jar on the class path. Prints each set-up's median, its ratio
 * to the unwoven set-up with the same archiving, and its runs. Then {@link WeavingScope}: what the
 * weaver costs for each class an application loads in its scope.
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

  /**
   * One way of starting s2: the JVM options, then what launches it ({@code -jar} and the jar, or a
   * class path and the main class), and what s2 must say of its weaving at start-up, so that no
   * set-up is measured woven the wrong way.
   */
  private record Setup(String name, List<String> options, List<String> launch, String weaving) {

    Setup withOptions(List<String> before) {
      List<String> all = new ArrayList<>(before);
      all.addAll(options);
      return new Setup(name, all, launch, weaving);
    }

    boolean hasAgent() {
      return options.stream().anyMatch(option -> option.startsWith("-javaagent:"));
    }
  }

  private static final String ARCHIVED = "CDS archive, ";
  private static final String MAIN = "dev.traced.sample.Main";
  private static final String UNWOVEN = "@Traced methods are not woven";
  private static final String LOAD_TIME = "@Traced methods are woven (load-time weaving is active)";
  private static final String COMPILE_TIME = "@Traced methods are woven (at compile time; no weaver runs)";

  public static void main(String[] args) throws Exception {
    int runs = args.length == 2 && args[0].equals("--runs") ? Integer.parseInt(args[1]) : 7;
    Path work = Files.createTempDirectory("traced-startup-");
    try {
      measure(runs, work);
      WeavingScope.measure(runs, work);
    } finally {
      try (Stream<Path> files = Files.walk(work)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  /** Runs each set-up {@code runs} times in turn, with the woven jar and the archives in {@code work}. */
  private static void measure(int runs, Path work) throws IOException, InterruptedException, URISyntaxException {
    Path sampleJar = Path.of("sample-vertx/target/sample-vertx.jar").toAbsolutePath();
    Path weaverJar = sampleJar.resolveSibling("aspectjweaver.jar");
    String weaver = "-javaagent:" + weaverJar;
    List<String> sample = List.of("-jar", sampleJar.toString());
    List<String> compileTimeWoven = List.of("-jar", CompileTimeWeaving.weave(sampleJar, work).toString());
    // A jar that only -javaagent names is added to the class path after start-up, and CDS archives
    // none of its classes; named on the class path as well, the weaver's classes are archived too.
    List<String> sampleAndWeaver = List.of("-cp", sampleJar + File.pathSeparator + weaverJar, MAIN);
    List<String> cache = List.of(weaver, "-Daj.weaving.cache.enabled=true", "-Daj.weaving.cache.dir=" + work.resolve("weaving-cache"));
    WeaverFloor.Configuration floor = WeaverFloor.compile(work.resolve("floor"));
    List<String> sampleAndFloor = List.of("-cp", sampleJar + File.pathSeparator + floor.classes(), MAIN);
    List<Setup> setups =
        List.of(
            new Setup("without the weaver", List.of(), sample, UNWOVEN),
            new Setup("with the weaver", List.of(weaver), sample, LOAD_TIME),
            filled(new Setup("with the weaver and its cache", cache, sample, LOAD_TIME), work.resolve("weaving-cache")),
            new Setup("with the weaver and an aspect that matches nothing, instead of traced's", List.of(weaver, floor.option()), sampleAndFloor, UNWOVEN),
            new Setup("woven at compile time", List.of(), compileTimeWoven, COMPILE_TIME),
            withArchive(new Setup(ARCHIVED + "without the weaver", List.of(), sample, UNWOVEN), work.resolve("plain.jsa")),
            withArchive(new Setup(ARCHIVED + "with the weaver", List.of(weaver), sample, LOAD_TIME), work.resolve("woven.jsa")),
            withArchive(new Setup(ARCHIVED + "with the weaver and its cache", cache, sample, LOAD_TIME), work.resolve("cached.jsa")),
            withArchive(
                new Setup(ARCHIVED + "with the weaver and its cache, the weaver's jar also on the class path", cache, sampleAndWeaver, LOAD_TIME),
                work.resolve("cached-class-path.jsa")),
            withArchive(new Setup(ARCHIVED + "woven at compile time", List.of(), compileTimeWoven, COMPILE_TIME), work.resolve("compile-time.jsa")));
    Map<String, List<Long>> millis = new LinkedHashMap<>();
    for (int run = 0; run < runs; run++) {
      for (Setup setup : setups) {
        millis.computeIfAbsent(setup.name(), name -> new ArrayList<>()).add(timeToListen(setup));
      }
    }
    System.out.println("| s2 start-up, JVM start to \"listening\" | median ms | ratio to unwoven | runs (ms) |");
    System.out.println("|---|---:|---:|---|");
    millis.forEach((name, times) -> {
      long unwoven = median(millis.get(name.startsWith(ARCHIVED) ? ARCHIVED + "without the weaver" : "without the weaver"));
      System.out.printf(Locale.ROOT, "| %s | %d | %.2f × | %s |%n", name, median(times), (double) median(times) / unwoven, sorted(times));
    });
  }

  /**
   * A set-up whose weaving cache a first run, not counted, has filled: the start every later one
   * of the same deployment makes.
   */
  private static Setup filled(Setup setup, Path cache) throws IOException, InterruptedException {
    timeToListen(setup);
    requireFilled(cache);
    return setup;
  }

  /** Fails unless the weaver has written a cache scope into {@code cache}. */
  static void requireFilled(Path cache) throws IOException {
    try (Stream<Path> scopes = Files.list(cache)) {
      if (scopes.findAny().isEmpty()) {
        throw new IOException("the weaver filled no cache in " + cache);
      }
    }
  }

  /**
   * A set-up that uses a dynamic CDS archive, dumped first by one run of the same set-up. A JVM
   * with a Java agent only dumps one with {@code AllowArchivingWithJavaAgent}, a diagnostic option.
   */
  private static Setup withArchive(Setup setup, Path archive) throws IOException, InterruptedException {
    List<String> unlock = setup.hasAgent() ? List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+AllowArchivingWithJavaAgent") : List.of();
    List<String> dump = new ArrayList<>(unlock);
    dump.add("-XX:ArchiveClassesAtExit=" + archive);
    timeToListen(setup.withOptions(dump));
    if (!Files.isRegularFile(archive)) {
      throw new IOException("no CDS archive was dumped at " + archive);
    }
    List<String> use = new ArrayList<>(unlock);
    use.add("-XX:SharedArchiveFile=" + archive);
    return setup.withOptions(use);
  }

  private static long timeToListen(Setup setup) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(java());
    command.addAll(setup.options());
    command.addAll(setup.launch());
    command.add("s2");
    long started = System.nanoTime();
    try (ServiceProcess s2 = ServiceProcess.run("s2", command, null, EXPORTERS_OFF, TIMEOUT)) {
      long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
      if (!s2.output().contains(setup.weaving())) {
        throw new IllegalStateException(setup.name() + ": s2 did not say \"" + setup.weaving() + "\":\n" + s2.output());
      }
      return millis;
    }
  }

  /** The {@code java} launcher of the JDK this benchmark runs on. */
  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  static long median(List<Long> values) {
    return sorted(values).get(values.size() / 2);
  }

  private static List<Long> sorted(List<Long> values) {
    return values.stream().sorted().toList();
  }
}
