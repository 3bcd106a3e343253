package dev.traced.sample;

import dev.traced.sample.harness.FreePorts;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Jaeger v2 (tools/bin/jaeger) with memory storage, started with the repository's own
 * {@code deploy/jaeger/jaeger-local.yaml} on free loopback ports, and read back through the query
 * API its UI uses. Closing it stops the process.
 */
final class Jaeger implements AutoCloseable {

  static final Path CONFIG = GoTools.ROOT.resolve("deploy/jaeger/jaeger-local.yaml");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  /** A span as Jaeger's query API returns it. */
  record Span(String service, String traceId, String spanId, String parentSpanId, String name, String kind, Map<String, String> tags) {}

  private final Process process;
  private final int otlpHttpPort;
  private final int otlpGrpcPort;
  private final int uiPort;

  private Jaeger(Process process, int otlpHttpPort, int otlpGrpcPort, int uiPort) {
    this.process = process;
    this.otlpHttpPort = otlpHttpPort;
    this.otlpGrpcPort = otlpGrpcPort;
    this.uiPort = uiPort;
  }

  static Jaeger start() throws IOException, InterruptedException {
    Path binary = GoTools.require("jaeger");
    int http = FreePorts.freePort();
    int grpc = FreePorts.freePort();
    int ui = FreePorts.freePort();
    ProcessBuilder builder =
        new ProcessBuilder(binary.toString(), "--config", CONFIG.toString())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("JAEGER_OTLP_HTTP_PORT", Integer.toString(http));
    builder.environment().put("JAEGER_OTLP_GRPC_PORT", Integer.toString(grpc));
    builder.environment().put("JAEGER_UI_PORT", Integer.toString(ui));
    builder.environment().put("JAEGER_QUERY_GRPC_PORT", Integer.toString(FreePorts.freePort()));
    Jaeger jaeger = new Jaeger(builder.start(), http, grpc, ui);
    jaeger.awaitReady();
    return jaeger;
  }

  private void awaitReady() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("jaeger exited with " + process.exitValue() + " (config " + CONFIG + ")");
      }
      try {
        if (get("/api/services").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(100);
    }
    close();
    throw new IOException("jaeger did not answer within " + START_TIMEOUT.toSeconds() + " s");
  }

  /** The OTLP/HTTP endpoint, for {@code OTEL_EXPORTER_OTLP_ENDPOINT}. */
  String otlpHttp() {
    return "http://127.0.0.1:" + otlpHttpPort;
  }

  /** The OTLP/gRPC endpoint, for {@code OTEL_EXPORTER_OTLP_ENDPOINT} with protocol {@code grpc}. */
  String otlpGrpc() {
    return "http://127.0.0.1:" + otlpGrpcPort;
  }

  /** {@code host:port} of the OTLP/gRPC receiver, as a collector's resolver names a backend. */
  String otlpGrpcHostPort() {
    return "127.0.0.1:" + otlpGrpcPort;
  }

  /** Where the UI and the query API answer. */
  String ui() {
    return "http://127.0.0.1:" + uiPort;
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return Services.HTTP.send(
        HttpRequest.newBuilder(URI.create(ui() + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The spans Jaeger holds for {@code traceId}; empty when it has none. */
  List<Span> trace(String traceId) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/traces/" + traceId);
    if (response.statusCode() == 404) {
      return List.of();
    }
    if (response.statusCode() != 200) {
      throw new IOException("GET /api/traces/" + traceId + ": " + response.statusCode() + " " + response.body());
    }
    return spans(new JsonObject(response.body()));
  }

  /** Waits until Jaeger holds {@code count} spans of {@code traceId}, or {@code timeout} passes. */
  List<Span> awaitTrace(String traceId, int count, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Span> spans = trace(traceId);
    while (spans.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
      spans = trace(traceId);
    }
    return spans;
  }

  private static List<Span> spans(JsonObject answer) {
    List<Span> spans = new ArrayList<>();
    JsonArray traces = answer.getJsonArray("data", new JsonArray());
    for (int t = 0; t < traces.size(); t++) {
      JsonObject trace = traces.getJsonObject(t);
      JsonObject processes = trace.getJsonObject("processes");
      JsonArray traceSpans = trace.getJsonArray("spans");
      for (int s = 0; s < traceSpans.size(); s++) {
        JsonObject span = traceSpans.getJsonObject(s);
        Map<String, String> tags = new HashMap<>();
        JsonArray tagArray = span.getJsonArray("tags", new JsonArray());
        for (int i = 0; i < tagArray.size(); i++) {
          JsonObject tag = tagArray.getJsonObject(i);
          tags.put(tag.getString("key"), String.valueOf(tag.getValue("value")));
        }
        String parent = "";
        JsonArray references = span.getJsonArray("references", new JsonArray());
        for (int i = 0; i < references.size(); i++) {
          if ("CHILD_OF".equals(references.getJsonObject(i).getString("refType"))) {
            parent = references.getJsonObject(i).getString("spanID");
          }
        }
        spans.add(
            new Span(
                processes.getJsonObject(span.getString("processID")).getString("serviceName"),
                span.getString("traceID"),
                span.getString("spanID"),
                parent,
                span.getString("operationName"),
                tags.getOrDefault("span.kind", "internal"),
                tags));
      }
    }
    return spans;
  }

  /** Stops Jaeger, and everything it held with it. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
