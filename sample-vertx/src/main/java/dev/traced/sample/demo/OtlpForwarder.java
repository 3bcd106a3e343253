package dev.traced.sample.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Sends the OTLP/HTTP requests the demo receives on to a real backend (Jaeger, Tempo, a
 * collector), so the demo can print the trace and the backend can show it too.
 */
final class OtlpForwarder implements Consumer<byte[]> {

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI tracesUri;
  private final List<String> headers;
  private final List<CompletableFuture<Void>> sent = new ArrayList<>();
  private final AtomicInteger delivered = new AtomicInteger();
  private volatile String lastFailure;

  /**
   * @param endpoint the base endpoint, as in {@code OTEL_EXPORTER_OTLP_ENDPOINT}
   * @param headers {@code OTEL_EXPORTER_OTLP_HEADERS}: {@code key=value} pairs separated by commas
   */
  OtlpForwarder(String endpoint, String headers) {
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    this.tracesUri = URI.create(base + "/v1/traces");
    this.headers = parseHeaders(headers);
  }

  URI target() {
    return tracesUri;
  }

  @Override
  public synchronized void accept(byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(tracesUri)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    for (int i = 0; i < headers.size(); i += 2) {
      request.header(headers.get(i), headers.get(i + 1));
    }
    sent.add(
        client
            .sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
            .handle(
                (response, failure) -> {
                  if (failure != null) {
                    lastFailure = failure.toString();
                  } else if (response.statusCode() / 100 != 2) {
                    lastFailure = "HTTP " + response.statusCode();
                  } else {
                    delivered.incrementAndGet();
                  }
                  return null;
                }));
  }

  /** Waits for the requests in flight; returns a one-line report of what reached the backend. */
  String finish() throws InterruptedException {
    List<CompletableFuture<Void>> pending;
    synchronized (this) {
      pending = List.copyOf(sent);
    }
    try {
      CompletableFuture.allOf(pending.toArray(new CompletableFuture[0])).get(15, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      lastFailure = e.toString();
    }
    String report = "forwarded " + delivered.get() + " of " + pending.size() + " OTLP requests to " + tracesUri;
    return lastFailure == null ? report : report + " (last failure: " + lastFailure + ")";
  }

  private static List<String> parseHeaders(String headers) {
    List<String> parsed = new ArrayList<>();
    if (headers == null || headers.isBlank()) {
      return parsed;
    }
    for (String pair : headers.split(",")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        parsed.add(pair.substring(0, equals).trim());
        parsed.add(java.net.URLDecoder.decode(pair.substring(equals + 1).trim(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return parsed;
  }
}
