package dev.traced.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every way a message travels on a local event bus, traced by {@link EventBusTracing}: send,
 * publish, request and reply, a failed reply, no handler, a timeout, a consumer that answers after
 * blocking work, hostile headers, and removal.
 */
class EventBusTracingTest {

  /** Short, so that the tests of requests that get no reply need not wait the default 31 s. */
  private static final long REPLY_WAIT_MILLIS = 500;

  private TracedServer server;
  private EventBus bus;
  private EventBusTracing tracing;

  @BeforeEach
  void start() throws Exception {
    server = new TracedServer();
    bus = server.vertx.eventBus();
    tracing = EventBusTracing.install(server.vertx, server.openTelemetry, REPLY_WAIT_MILLIS);
  }

  @AfterEach
  void stop() throws Exception {
    tracing.close();
    server.close();
  }

  /** Runs {@code action} on an event loop inside a span named "caller", and ends it. */
  private <T> T fromCaller(Supplier<Future<T>> action) throws Exception {
    Promise<T> done = Promise.promise();
    server.vertx.runOnContext(
        ignored -> {
          Span caller = server.tracer.spanBuilder("caller").startSpan();
          try (Scope scope = caller.makeCurrent()) {
            action.get().onComplete(done);
          } finally {
            caller.end();
          }
        });
    return TracedServer.await(done.future());
  }

  private List<SpanData> awaitSpans(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (server.exporter.getFinishedSpanItems().size() < count && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return server.exporter.getFinishedSpanItems();
  }

  private static SpanData named(List<SpanData> spans, String name) {
    List<SpanData> matching = spans.stream().filter(span -> span.getName().equals(name)).toList();
    assertThat(matching).as("spans named %s in %s", name, spans).hasSize(1);
    return matching.get(0);
  }

  @Test
  void aSentMessageIsProducedAndProcessedInTheSendersTrace() throws Exception {
    bus.consumer("greetings", message -> server.tracer.spanBuilder("in-handler").startSpan().end());

    fromCaller(() -> {
      bus.send("greetings", "hello");
      return Future.succeededFuture();
    });

    List<SpanData> spans = awaitSpans(4);
    SpanData caller = named(spans, "caller");
    SpanData producer = named(spans, "send greetings");
    SpanData consumer = named(spans, "process greetings");
    assertThat(producer.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(producer.getParentSpanId()).isEqualTo(caller.getSpanId());
    assertThat(consumer.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
    assertThat(named(spans, "in-handler").getParentSpanId()).as("the handler runs inside the consumer span").isEqualTo(consumer.getSpanId());
    assertThat(consumer.getAttributes().asMap())
        .containsEntry(MessagingSpans.SYSTEM, "vertx-eventbus")
        .containsEntry(MessagingSpans.DESTINATION, "greetings")
        .containsEntry(MessagingSpans.OPERATION_TYPE, "process");
    assertThat(producer.getAttributes().asMap())
        .containsEntry(MessagingSpans.OPERATION_TYPE, "send")
        .containsEntry(MessagingSpans.OPERATION_NAME, "send");
  }

  @Test
  void aPublishedMessageIsProcessedOnceByEachConsumer() throws Exception {
    bus.consumer("news", message -> {});
    bus.consumer("news", message -> {});

    fromCaller(() -> {
      bus.publish("news", "extra");
      return Future.succeededFuture();
    });

    List<SpanData> spans = awaitSpans(4);
    SpanData producer = named(spans, "publish news");
    assertThat(producer.getAttributes().asMap()).containsEntry(MessagingSpans.OPERATION_NAME, "publish");
    assertThat(spans.stream().filter(span -> span.getName().equals("process news")))
        .hasSize(2)
        .allMatch(span -> span.getParentSpanId().equals(producer.getSpanId()));
  }

  @Test
  void aReplyCarriesTheContextBackAndTheRequestersContinuationStaysInTheTrace() throws Exception {
    bus.<String>consumer("echo", message -> message.reply(message.body()));

    String answer =
        fromCaller(
            () ->
                bus.<String>request("echo", "ping")
                    .map(reply -> {
                      server.tracer.spanBuilder("continuation").startSpan().end();
                      return reply.body();
                    }));

    assertThat(answer).isEqualTo("ping");
    List<SpanData> spans = awaitSpans(4);
    SpanData caller = named(spans, "caller");
    SpanData producer = named(spans, "send echo");
    SpanData consumer = named(spans, "process echo");
    assertThat(consumer.getParentSpanId()).isEqualTo(producer.getSpanId());
    assertThat(named(spans, "continuation").getParentSpanId()).as("the continuation runs in the caller's context").isEqualTo(caller.getSpanId());
    // No timestamps compared between the two: the consumer's span has a parent from the message's
    // headers, so the SDK anchors its clock anew (a wall-clock read, then a monotonic read), and a
    // thread descheduled between the two reads moves all of that span's timestamps earlier.
    assertThat(spans).allMatch(span -> span.getTraceId().equals(caller.getTraceId()));
    assertThat(spans).allMatch(span -> span.getStatus().getStatusCode() == StatusCode.UNSET);
  }

  @Test
  void aFailedReplyMarksTheConsumersSpanAndTheRequestersSpan() throws Exception {
    bus.consumer("refuse", message -> message.fail(42, "not today"));

    assertThatThrownBy(() -> fromCaller(() -> bus.request("refuse", "ping"))).hasRootCauseInstanceOf(ReplyException.class);

    List<SpanData> spans = awaitSpans(3);
    for (String name : List.of("send refuse", "process refuse")) {
      SpanData span = named(spans, name);
      assertThat(span.getStatus().getStatusCode()).as(name).isEqualTo(StatusCode.ERROR);
      assertThat(span.getStatus().getDescription()).isEqualTo("not today");
      assertThat(span.getAttributes().asMap()).containsEntry(MessagingSpans.ERROR_TYPE, "RECIPIENT_FAILURE");
    }
  }

  /**
   * Vert.x catches what a handler throws before the interceptor could see it (the context's
   * exception handler gets it), so the span cannot say so; it still ends, nothing is held.
   */
  @Test
  void aHandlerThatThrowsStillEndsItsConsumerSpan() throws Exception {
    bus.consumer("broken", message -> {
      throw new IllegalStateException("broken handler");
    });

    fromCaller(() -> {
      bus.send("broken", "boom");
      return Future.succeededFuture();
    });

    SpanData consumer = named(awaitSpans(3), "process broken");
    assertThat(consumer.getParentSpanId()).isEqualTo(named(server.exporter.getFinishedSpanItems(), "send broken").getSpanId());
  }

  @Test
  void aRequestWithNoHandlerEndsItsSpanWithAnError() throws Exception {
    assertThatThrownBy(() -> fromCaller(() -> bus.request("nobody", "ping"))).hasRootCauseInstanceOf(ReplyException.class);

    SpanData producer = named(awaitSpans(2), "send nobody");
    assertThat(producer.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(producer.getAttributes().asMap()).containsEntry(MessagingSpans.ERROR_TYPE, MessagingSpans.NO_REPLY);
  }

  @Test
  void aRequestThatTimesOutEndsItsSpanWithAnError() throws Exception {
    bus.consumer("silent", message -> {});

    assertThatThrownBy(() -> fromCaller(() -> bus.request("silent", "ping", new DeliveryOptions().setSendTimeout(200))))
        .hasRootCauseInstanceOf(ReplyException.class);

    SpanData producer = named(awaitSpans(3), "send silent");
    assertThat(producer.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(producer.getAttributes().asMap()).containsEntry(MessagingSpans.ERROR_TYPE, MessagingSpans.NO_REPLY);
    SpanData consumer = named(server.exporter.getFinishedSpanItems(), "process silent");
    assertThat(consumer.getStatus().getStatusCode()).as("a consumer that never answers").isEqualTo(StatusCode.ERROR);
  }

  @Test
  void aConsumerThatRepliesAfterBlockingWorkKeepsItsSpanOpenUntilItReplies() throws Exception {
    CountDownLatch blockingDone = new CountDownLatch(1);
    bus.<String>consumer(
        "slow",
        message ->
            server.vertx
                .executeBlocking(() -> {
                  Thread.sleep(100);
                  blockingDone.countDown();
                  return "done";
                })
                .onSuccess(message::reply));

    String answer = fromCaller(() -> bus.<String>request("slow", "go").map(Message::body));
    assertThat(answer).isEqualTo("done");

    assertThat(blockingDone.await(5, TimeUnit.SECONDS)).isTrue();
    List<SpanData> spans = awaitSpans(3);
    // Each span against its own clock: both started before the work and end with the reply.
    assertThat(lasted(named(spans, "process slow"))).as("the consumer span ends with the reply, after the work")
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
    assertThat(lasted(named(spans, "send slow"))).as("the request's span lasts until the reply")
        .isGreaterThanOrEqualTo(Duration.ofMillis(100));
  }

  @Test
  void hostileHeadersOnAMessageStartANewTraceAndLogNothing() throws Exception {
    bus.consumer("hostile", message -> {});
    DeliveryOptions twoParents =
        new DeliveryOptions()
            .addHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .addHeader("traceparent", "00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01")
            .addHeader("baggage", "k=%zz")
            .addHeader("tracestate", "x".repeat(10_000));

    server.vertx.runOnContext(ignored -> bus.send("hostile", "boom", twoParents));

    SpanData consumer = named(awaitSpans(2), "process hostile");
    assertThat(consumer.getTraceId()).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736").isNotEqualTo("1".repeat(32));
  }

  @Test
  void afterCloseNothingIsTraced() throws Exception {
    tracing.close();
    bus.<String>consumer("after", message -> message.reply("ok"));

    String answer = fromCaller(() -> bus.<String>request("after", "ping").map(Message::body));
    assertThat(answer).isEqualTo("ok");

    assertThat(awaitSpans(1)).extracting(SpanData::getName).containsExactly("caller");
  }

  private static Duration lasted(SpanData span) {
    return Duration.ofNanos(span.getEndEpochNanos() - span.getStartEpochNanos());
  }
}
