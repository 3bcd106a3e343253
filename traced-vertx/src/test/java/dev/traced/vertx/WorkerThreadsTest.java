package dev.traced.vertx;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Concurrent requests whose work hops onto worker threads, through {@code executeBlocking} and
 * through the event bus to a worker verticle, stay each in its own trace (reported upstream:
 * opentelemetry-java-instrumentation #14524, vertx-tracing #93, where such requests merge), and
 * leave nothing attached to a worker or event-loop thread afterwards.
 */
class WorkerThreadsTest {

  private static final int REQUESTS = 50;

  private TracedServer fixture;
  private EventBusTracing tracing;
  private HttpServer server;
  private io.vertx.core.Context workerContext;

  /** A worker verticle: each message is handled on a worker thread, with blocking work. */
  private final class Worker extends VerticleBase {
    @Override
    public Future<?> start() {
      workerContext = context;
      vertx.eventBus().<String>consumer("work", message -> {
        Span span = fixture.tracer.spanBuilder("worker-work").startSpan();
        try (Scope ignored = span.makeCurrent()) {
          sleep();
          message.reply(message.body() + " worked");
        } finally {
          span.end();
        }
      });
      return Future.succeededFuture();
    }
  }

  @BeforeEach
  void start() throws Exception {
    fixture = new TracedServer();
    tracing = EventBusTracing.install(fixture.vertx, fixture.openTelemetry);
    TracedServer.await(fixture.vertx.deployVerticle(new Worker(), new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER)));
    server = TracedServer.await(fixture.vertx.createHttpServer().requestHandler(this::handle).listen(0, "127.0.0.1"));
  }

  @AfterEach
  void stop() throws Exception {
    tracing.close();
    fixture.close();
  }

  private void handle(HttpServerRequest request) {
    Context parent = VertxHeaders.extract(fixture.openTelemetry.getPropagators(), request.headers());
    Span span = fixture.tracer.spanBuilder("server").setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      fixture.vertx
          .executeBlocking(Context.current().wrap(() -> {
            Span blocking = fixture.tracer.spanBuilder("blocking").startSpan();
            try (Scope inBlocking = blocking.makeCurrent()) {
              sleep();
              return "input";
            } finally {
              blocking.end();
            }
          }))
          .compose(Context.current().wrapFunction(input -> fixture.vertx.eventBus().<String>request("work", input)))
          .onComplete(
              ContextualHandlers.withCurrentContext(
                  reply -> {
                    request.response().end(reply.succeeded() ? reply.result().body() : "failed");
                    span.end();
                  }));
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(1, 6));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void fiftyConcurrentRequestsGiveFiftySeparateCompleteTraces() throws Exception {
    HexFormat hex = HexFormat.of();
    List<String> traceIds = new ArrayList<>();
    List<Future<HttpResponse<io.vertx.core.buffer.Buffer>>> answers = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String traceId = hex.toHexDigits(ThreadLocalRandom.current().nextLong() | 1) + hex.toHexDigits(ThreadLocalRandom.current().nextLong());
      traceIds.add(traceId);
      answers.add(
          fixture.client.get(server.actualPort(), "127.0.0.1", "/")
              .putHeader("traceparent", "00-" + traceId + "-" + hex.toHexDigits(ThreadLocalRandom.current().nextLong() | 1) + "-01")
              .send());
    }
    TracedServer.await(Future.all(answers));
    assertThat(answers).allMatch(answer -> answer.result().bodyAsString().equals("input worked"));

    // Per request: server, blocking, send work, process work, worker-work.
    List<SpanData> spans = awaitSpans(REQUESTS * 5);
    Map<String, List<SpanData>> byTrace = spans.stream().collect(Collectors.groupingBy(SpanData::getTraceId));
    assertThat(byTrace.keySet()).as("one trace per request, no other").containsExactlyInAnyOrderElementsOf(traceIds);
    for (List<SpanData> trace : byTrace.values()) {
      assertThat(trace).extracting(SpanData::getName)
          .containsExactlyInAnyOrder("server", "blocking", "send work", "process work", "worker-work");
      Set<String> ids = trace.stream().map(SpanData::getSpanId).collect(Collectors.toSet());
      SpanData server = only(trace, "server");
      assertThat(trace).filteredOn(span -> span != server).allMatch(span -> ids.contains(span.getParentSpanId()));
      assertThat(only(trace, "blocking").getParentSpanId()).isEqualTo(server.getSpanId());
      assertThat(only(trace, "send work").getParentSpanId()).isEqualTo(server.getSpanId());
      assertThat(only(trace, "worker-work").getParentSpanId()).isEqualTo(only(trace, "process work").getSpanId());
    }
  }

  @Test
  void nothingStaysAttachedToAWorkerOrEventLoopThreadAfterwards() throws Exception {
    fiftyConcurrentRequestsGiveFiftySeparateCompleteTraces();

    ConcurrentLinkedQueue<Context> seen = new ConcurrentLinkedQueue<>();
    List<Future<?>> probes = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      probes.add(fixture.vertx.executeBlocking(() -> seen.add(Context.current())));
      io.vertx.core.Promise<Void> onWorkerVerticle = io.vertx.core.Promise.promise();
      workerContext.runOnContext(ignored -> {
        seen.add(Context.current());
        onWorkerVerticle.complete();
      });
      probes.add(onWorkerVerticle.future());
      io.vertx.core.Promise<Void> onEventLoop = io.vertx.core.Promise.promise();
      fixture.vertx.runOnContext(ignored -> {
        seen.add(Context.current());
        onEventLoop.complete();
      });
      probes.add(onEventLoop.future());
    }
    TracedServer.await(Future.all(probes));

    assertThat(seen).hasSize(120).allMatch(context -> context == Context.root());
  }

  private List<SpanData> awaitSpans(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (fixture.exporter.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return fixture.exporter.getFinishedSpanItems();
  }

  private static SpanData only(List<SpanData> spans, String name) {
    List<SpanData> matching = spans.stream().filter(span -> span.getName().equals(name)).toList();
    assertThat(matching).as("%s in %s", name, spans).hasSize(1);
    return matching.get(0);
  }
}
