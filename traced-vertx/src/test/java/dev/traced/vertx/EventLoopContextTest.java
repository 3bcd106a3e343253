package dev.traced.vertx;

import static dev.traced.vertx.TracedServer.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two ways a thread-local context goes wrong on an event loop: a callback that loses the span
 * current when its async call started, and a request that inherits a previous request's context.
 */
class EventLoopContextTest {

  private TracedServer server;

  @BeforeEach
  void start() throws Exception {
    server = new TracedServer();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** On the event loop: starts "caller", calls the server, and starts "in-callback" when it answers. */
  private Future<Void> callFromEventLoop(boolean wrap) {
    Promise<Void> done = Promise.promise();
    server.vertx.runOnContext(
        ignored -> {
          Span caller = server.tracer.spanBuilder("caller").startSpan();
          try (Scope scope = caller.makeCurrent()) {
            Future<HttpResponse<Buffer>> call = server.client.get(server.port(), "127.0.0.1", "/").send();
            io.vertx.core.Handler<io.vertx.core.AsyncResult<HttpResponse<Buffer>>> callback =
                result -> {
                  server.tracer.spanBuilder("in-callback").startSpan().end();
                  caller.end();
                  done.complete();
                };
            call.onComplete(wrap ? ContextualHandlers.withCurrentContext(callback) : callback);
          }
        });
    return done.future();
  }

  private SpanData named(String name) {
    return server.exporter.getFinishedSpanItems().stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aWrappedCallbackRunsInTheContextCurrentWhenItsCallStarted() throws Exception {
    await(callFromEventLoop(true));

    assertThat(named("in-callback").getParentSpanId()).isEqualTo(named("caller").getSpanId());
  }

  @Test
  void anUnwrappedCallbackLosesItsParentWhichIsWhyTheWrapperExists() throws Exception {
    await(callFromEventLoop(false));

    assertThat(named("in-callback").getParentSpanContext().isValid()).isFalse();
  }

  @Test
  void nothingStaysAttachedToTheEventLoopForTheNextRequest() throws Exception {
    for (int i = 0; i < 5; i++) {
      await(callFromEventLoop(true));
    }
    await(server.vertx.executeBlocking(() -> null));

    List<Span> seen = List.copyOf(server.currentOnArrival);
    assertThat(seen).hasSize(5).allMatch(span -> !span.getSpanContext().isValid());
    Span afterwards = await(runOnEventLoop());
    assertThat(afterwards.getSpanContext().isValid()).isFalse();
  }

  private Future<Span> runOnEventLoop() {
    Promise<Span> current = Promise.promise();
    server.vertx.runOnContext(ignored -> current.complete(Span.current()));
    return current.future();
  }
}
