package dev.traced.benchmarks.startup;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What the load-time weaver costs for each class of an application in its weaving scope: a JVM
 * loads {@value #CLASSES} generated classes, with and without the weaver, and says how long the
 * loading took. Most classes of an application carry no {@code @Traced} method, so those are
 * measured apart from classes that have one; s2's start-up weaves too few classes to show this.
 * The weaving cache spares later starts the weaving of classes that have one.
 *
 * <p>The classes are in {@code dev.traced.benchmarks.scope}, inside the benchmarks' own weaving
 * scope ({@code META-INF/aop.xml}). Each has eight methods with parameters and loops, a lambda and
 * an interface, so that the weaver has method bodies to read.
 */
final class WeavingScope {

  private static final int CLASSES = 2000;
  private static final String PACKAGE = "dev.traced.benchmarks.scope";
  private static final List<String> KINDS = List.of("Plain", "Traced");
  private static final Pattern LOADED = Pattern.compile("loaded in (\\d+) ms");

  private WeavingScope() {}

  /**
   * Prints, for each kind of class, the loading time without the weaver, with it, and with it and
   * its weaving cache (filled by a first run that is not counted), run {@code runs} times in turn.
   */
  static void measure(int runs, Path work) throws IOException, InterruptedException {
    Path classes = compile(work.resolve("scope"));
    String classPath = classes + File.pathSeparator + Path.of("benchmarks/target/benchmarks.jar").toAbsolutePath();
    String weaver = "-javaagent:" + Path.of("benchmarks/target/aspectjweaver.jar").toAbsolutePath();
    Path cacheDirectory = work.resolve("scope-cache");
    List<String> cache = List.of(weaver, "-Daj.weaving.cache.enabled=true", "-Daj.weaving.cache.dir=" + cacheDirectory);
    Map<String, List<Long>> millis = new LinkedHashMap<>();
    for (String kind : KINDS) {
      load(classPath, kind, cache); // fills the cache, not counted
    }
    StartupBenchmarks.requireFilled(cacheDirectory);
    for (int run = 0; run < runs; run++) {
      for (String kind : KINDS) {
        millis.computeIfAbsent(kind + " without", name -> new ArrayList<>()).add(load(classPath, kind, List.of()));
        millis.computeIfAbsent(kind + " with", name -> new ArrayList<>()).add(load(classPath, kind, List.of(weaver)));
        millis.computeIfAbsent(kind + " cached", name -> new ArrayList<>()).add(load(classPath, kind, cache));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%n| loading %,d classes of the weaving scope | without the weaver, ms | with it, ms | a class, µs | with its cache, ms | a class, µs |%n",
        CLASSES);
    System.out.println("|---|---:|---:|---:|---:|---:|");
    for (String kind : KINDS) {
      long without = StartupBenchmarks.median(millis.get(kind + " without"));
      long with = StartupBenchmarks.median(millis.get(kind + " with"));
      long cached = StartupBenchmarks.median(millis.get(kind + " cached"));
      String label = kind.equals("Plain") ? "no `@Traced` method" : "one `@Traced` method each";
      System.out.printf(
          Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", label, without, with, perClass(with - without), cached, perClass(cached - without));
    }
  }

  private static long perClass(long millis) {
    return millis * 1000 / CLASSES;
  }

  private static long load(String classPath, String kind, List<String> agent) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(StartupBenchmarks.java());
    command.addAll(agent);
    command.addAll(List.of("-cp", classPath, PACKAGE + ".LoadAll", kind, String.valueOf(CLASSES)));
    // Into a file, so that a JVM that hangs cannot block the read: it is waited for two minutes.
    Path log = Files.createTempFile("traced-scope-", ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      boolean exited = process.waitFor(2, TimeUnit.MINUTES);
      if (!exited) {
        process.destroyForcibly().waitFor();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (!exited || process.exitValue() != 0) {
        throw new IllegalStateException("loading the " + kind + " classes failed:\n" + output);
      }
      return loadingMillis(kind, output);
    } finally {
      Files.delete(log);
    }
  }

  private static long loadingMillis(String kind, String output) {
    Matcher loaded = LOADED.matcher(output);
    if (!loaded.find()) {
      throw new IllegalStateException("loading the " + kind + " classes printed no time:\n" + output);
    }
    return Long.parseLong(loaded.group(1));
  }

  /** Writes and compiles the classes and their loader into {@code directory}. */
  private static Path compile(Path directory) throws IOException {
    Path sources = Files.createDirectories(directory.resolve(PACKAGE.replace('.', '/')));
    List<String> files = new ArrayList<>();
    files.add(write(sources, "LoadAll", loader()));
    for (int k = 0; k < CLASSES; k++) {
      files.add(write(sources, "Plain" + k, source("Plain" + k, "")));
      files.add(write(sources, "Traced" + k, source("Traced" + k, "@dev.traced.Traced ")));
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> arguments = new ArrayList<>(List.of("-classpath", System.getProperty("java.class.path"), "-d", directory.toString()));
    arguments.addAll(files);
    if (javac.run(null, null, null, arguments.toArray(new String[0])) != 0) {
      throw new IllegalStateException("could not compile the generated classes");
    }
    return directory;
  }

  private static String write(Path directory, String name, String source) throws IOException {
    Path file = directory.resolve(name + ".java");
    Files.writeString(file, source, StandardCharsets.UTF_8);
    return file.toString();
  }

  private static String loader() {
    return "package " + PACKAGE + ";\n\n"
        + "public class LoadAll {\n"
        + "  public static void main(String[] args) throws Exception {\n"
        + "    int count = Integer.parseInt(args[1]);\n"
        + "    long started = System.nanoTime();\n"
        + "    long sum = 0;\n"
        + "    for (int k = 0; k < count; k++) {\n"
        + "      Object instance = Class.forName(\"" + PACKAGE + ".\" + args[0] + k).getConstructor().newInstance();\n"
        + "      sum += ((java.util.function.IntSupplier) instance).getAsInt();\n"
        + "    }\n"
        + "    System.out.println(\"loaded in \" + (System.nanoTime() - started) / 1_000_000 + \" ms (\" + sum + \")\");\n"
        + "  }\n"
        + "}\n";
  }

  /** A class of eight methods, the first one annotated with {@code firstAnnotation}. */
  private static String source(String name, String firstAnnotation) {
    StringBuilder out = new StringBuilder("package " + PACKAGE + ";\n\n");
    out.append("public class ").append(name).append(" implements java.util.function.IntSupplier {\n");
    out.append("  private final java.util.List<String> names = new java.util.ArrayList<>();\n");
    out.append("  public int getAsInt() { return names.size(); }\n");
    for (int j = 0; j < 8; j++) {
      out.append("  ").append(j == 0 ? firstAnnotation : "").append("public int m").append(j).append("(int a, String b) {\n")
          .append("    int sum = a;\n")
          .append("    for (int i = 0; i < b.length(); i++) { sum += b.charAt(i) * ").append(j + 1).append("; }\n")
          .append("    names.removeIf(n -> n.length() > ").append(j).append(");\n")
          .append("    return sum;\n  }\n");
    }
    return out.append("}\n").toString();
  }
}
