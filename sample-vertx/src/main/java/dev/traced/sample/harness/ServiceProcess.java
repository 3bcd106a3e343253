package dev.traced.sample.harness;

import dev.traced.sample.services.ServiceRunner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A sample service run as its own JVM with the AspectJ weaver agent, as a user would run it:
 * {@code java -javaagent:aspectjweaver.jar -jar sample-vertx.jar <service>}.
 *
 * <p>{@link #start} returns once the service accepts requests, and fails with the service's own
 * words when it exits first (a port already taken, say) or does not start in time. Closing it
 * sends SIGTERM and waits for the orderly stop, which exports every finished span.
 */
public final class ServiceProcess implements AutoCloseable {

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final String service;
  private final Process process;
  private final List<String> output = new ArrayList<>();
  private final CompletableFuture<Integer> ready = new CompletableFuture<>();
  private final Thread reader;

  private ServiceProcess(String service, Process process) {
    this.service = service;
    this.process = process;
    reader = new Thread(this::readOutput, service + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code service} ({@code s1}, {@code s2} or {@code decorator-s1}) from
   * {@code sampleJar}, with the weaver jar that sits next to it, and waits until it listens.
   *
   * @param environment variables set for the service, on top of this process's own
   */
  public static ServiceProcess start(
      Path sampleJar, String service, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    return start(sampleJar, List.of(), service, environment, timeout);
  }

  /**
   * As {@link #start(Path, String, Map, Duration)}, with other agents before the weaver, such as
   * OpenTelemetry's Java agent.
   */
  public static ServiceProcess start(
      Path sampleJar, List<Path> agents, String service, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    List<String> javaOptions = new ArrayList<>();
    for (Path agent : agents) {
      javaOptions.add("-javaagent:" + agent);
    }
    javaOptions.add("-javaagent:" + sampleJar.resolveSibling("aspectjweaver.jar"));
    return launch(sampleJar, javaOptions, service, environment, timeout);
  }

  /**
   * Starts {@code service} of {@code flavour} as that flavour runs: with the weaver, or, for the
   * zero-code services, under OpenTelemetry's Java agent with the sample's agent extension (both
   * next to {@code sampleJar}) and the database conventions that name the database system.
   */
  public static ServiceProcess start(
      Path sampleJar, Flavour flavour, String service, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    if (!flavour.javaAgent()) {
      return start(sampleJar, service, environment, timeout);
    }
    Map<String, String> agentEnvironment = new HashMap<>(Map.of("OTEL_SEMCONV_STABILITY_OPT_IN", "database"));
    agentEnvironment.putAll(environment);
    List<String> javaOptions =
        List.of(
            "-javaagent:" + sampleJar.resolveSibling("opentelemetry-javaagent.jar"),
            "-Dotel.javaagent.extensions=" + sampleJar.resolveSibling("sample-vertx-agent-extension.jar"));
    return launch(sampleJar, javaOptions, service, agentEnvironment, timeout);
  }

  /**
   * Starts {@code service} with exactly {@code javaOptions} before {@code -jar}: no weaver unless
   * they name it. For comparisons such as the benchmarks', which also run the services untraced.
   */
  public static ServiceProcess launch(
      Path sampleJar, List<String> javaOptions, String service, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(javaOptions);
    command.addAll(List.of("-jar", sampleJar.toString(), service));
    return run(service, command, null, environment, timeout);
  }

  /**
   * Starts {@code service} with exactly {@code command}, as a page of the guide writes it, in
   * {@code directory} (this process's own when {@code null}), and waits until it listens.
   */
  public static ServiceProcess run(
      String service, List<String> command, Path directory, Map<String, String> environment, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.environment().putAll(environment);
    ServiceProcess started = new ServiceProcess(service, builder.start());
    started.awaitReady(timeout);
    return started;
  }

  private void awaitReady(Duration timeout) throws InterruptedException, IOException {
    try {
      ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      close();
      throw new IOException(service + " did not start within " + timeout.toSeconds() + " s:\n" + output());
    } catch (java.util.concurrent.ExecutionException e) {
      close();
      throw new IOException(service + " failed to start:\n" + output());
    }
  }

  private void readOutput() {
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (output) {
          output.add(line);
          output.notifyAll();
        }
        int marker = line.indexOf(ServiceRunner.READY);
        if (marker >= 0 && line.startsWith(service)) {
          ready.complete(Integer.parseInt(line.substring(line.lastIndexOf(':') + 1).trim()));
        }
      }
    } catch (IOException | NumberFormatException e) {
      ready.completeExceptionally(e);
    }
    ready.completeExceptionally(new IOException(service + " exited"));
  }

  /** The port the service listens on. */
  public int port() {
    return ready.join();
  }

  public String name() {
    return service;
  }

  public long pid() {
    return process.pid();
  }

  /**
   * Waits until the service prints a line that {@code pattern} finds, or {@code timeout} passes.
   *
   * @return whether it did
   */
  public boolean awaitOutput(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (output) {
      for (int seen = 0; ; ) {
        for (; seen < output.size(); seen++) {
          if (pattern.matcher(output.get(seen)).find()) {
            return true;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        output.wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Everything the service has printed so far. */
  public String output() {
    synchronized (output) {
      return String.join("\n", output);
    }
  }

  /**
   * Sends SIGTERM and waits for the service to exit, killing it if it does not in time.
   *
   * @return the exit code
   */
  public int stop() throws InterruptedException {
    // Through the handle: Process.destroy() would also close our end of the output pipe, and
    // lose what the service prints on its way out.
    process.toHandle().destroy();
    if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
    // What the service printed on its way out is still in the pipe: read it all before returning.
    reader.join(STOP_TIMEOUT.toMillis());
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      stop();
    }
  }
}
