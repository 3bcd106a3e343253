package dev.traced.benchmarks.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * async-profiler, attached to a running JVM with {@code jcmd}, sampling its CPU only while a
 * benchmark measures: the profile that shows where a slower set-up spends its time, without the
 * start-up and the warm-up in it.
 *
 * <p>The native library comes from the {@code tools.profiler:async-profiler} jar on the class
 * path. Each JVM's samples accumulate over the rounds into one file of collapsed stacks, one line
 * a stack with the thread's name first, which flame graph tools read as they are.
 */
public final class Profiler {

  /** One sample a millisecond of CPU: a 30 s round of a busy event loop gives tens of thousands. */
  public static final Duration INTERVAL = Duration.ofMillis(1);

  private static final String SAMPLING = "event=cpu,interval=" + INTERVAL.toNanos() + ",threads";

  private final Path library;
  private final Path directory;
  private final Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");

  private Profiler(Path library, Path directory) {
    this.library = library;
    this.directory = directory;
  }

  /** Copies this platform's library out of the async-profiler jar into {@code directory}. */
  public static Profiler into(Path directory) throws IOException {
    String resource = platform() + "/libasyncProfiler.so";
    Files.createDirectories(directory);
    Path library = directory.resolve("libasyncProfiler.so").toAbsolutePath();
    try (InputStream in = Profiler.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no " + resource + " on the class path: is tools.profiler:async-profiler there?");
      }
      Files.copy(in, library, StandardCopyOption.REPLACE_EXISTING);
    }
    return new Profiler(library, directory.toAbsolutePath());
  }

  /** Starts sampling {@code pid}, or carries on from where the last {@link #stop} left it. */
  public void resume(long pid) throws IOException, InterruptedException {
    command(pid, "resume," + SAMPLING);
  }

  /** Stops sampling {@code pid} and writes everything it sampled so far to {@link #file}. */
  public void stop(long pid, String name) throws IOException, InterruptedException {
    command(pid, "stop,collapsed,file=" + file(name));
  }

  /** Where the samples of the JVM called {@code name} are written. */
  public Path file(String name) {
    return directory.resolve(name + ".collapsed.txt");
  }

  private void command(long pid, String command) throws IOException, InterruptedException {
    // jcmd reads an unquoted a=b as an option of its own: the agent's options go in quotes.
    List<String> line = List.of(jcmd.toString(), Long.toString(pid), "JVMTI.agent_load", library.toString(), '"' + command + '"');
    Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || !output.contains("return code: 0")) {
      process.destroyForcibly();
      throw new IOException("async-profiler's " + command + " failed on process " + pid + ":\n" + output);
    }
  }

  private static String platform() throws IOException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch");
    if (os.contains("mac")) {
      return "macos";
    }
    if (os.contains("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
      return "linux-x64";
    }
    if (os.contains("linux") && arch.equals("aarch64")) {
      return "linux-arm64";
    }
    throw new IOException("async-profiler has no library for " + os + " on " + arch);
  }
}
