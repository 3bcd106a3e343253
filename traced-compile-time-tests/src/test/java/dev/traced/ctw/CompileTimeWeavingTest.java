package dev.traced.ctw;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import com.google.common.util.concurrent.SettableFuture;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import io.reactivex.rxjava3.core.Completable;
import io.reactivex.rxjava3.core.Flowable;
import io.reactivex.rxjava3.core.Maybe;
import io.reactivex.rxjava3.core.Observable;
import io.reactivex.rxjava3.core.Single;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The same behaviour as under load-time weaving, from application classes woven by ajc at build time
 * with the README's plugin configuration; the tests themselves are plain javac. One class, because
 * traced takes its tracer from the first global OpenTelemetry it finds, and each class of tests
 * would register its own.
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class CompileTimeWeavingTest {

  @RegisterExtension static final OpenTelemetryExtension OTEL = OpenTelemetryExtension.create();

  private final Phases phases = new Phases();

  @Test
  void noAgentIsAttached() {
    assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).noneMatch(arg -> arg.startsWith("-javaagent"));
    assertThat(Phases.class.getDeclaredFields()).anyMatch(field -> field.getName().startsWith("ajc$"));
  }

  @Test
  void nestedSpansWithStaticAndParameterAttributes() {
    assertThat(phases.phaseOne("wilson")).isEqualTo("hello wilson");

    List<SpanData> spans = OTEL.getSpans();
    assertThat(spans).hasSize(2);
    SpanData phaseTwo = spans.get(0);
    SpanData phaseOne = spans.get(1);
    assertThat(phaseOne)
        .hasName("phase-1")
        .hasNoParent()
        .hasAttribute(AttributeKey.stringKey("name"), "wilson")
        .hasAttribute(AttributeKey.stringKey("addr"), "cd")
        .hasAttribute(AttributeKey.stringKey("user"), "wilson")
        .hasAttribute(AttributeKey.stringKey("code.function.name"), "dev.traced.ctw.Phases.phaseOne");
    assertThat(phaseTwo).hasName("phase-2").hasParent(phaseOne);
  }

  @Test
  void exceptionsAreRecordedAndRethrownAsIs() {
    IllegalStateException error = new IllegalStateException("boom");

    assertThat(catchThrowable(() -> phases.fail(error))).isSameAs(error);

    assertThat(OTEL.getSpans()).singleElement().satisfies(span -> assertThat(span).hasStatus(StatusData.error()).hasException(error));
  }

  @Test
  void asyncResultsEndTheSpanOnCompletionWithoutVertxOnTheClassPath() {
    assertThat(catchThrowable(() -> Class.forName("io.vertx.core.Future"))).isInstanceOf(ClassNotFoundException.class);
    CompletableFuture<Long> pending = new CompletableFuture<>();

    assertThat(phases.later(pending)).isSameAs(pending);
    assertThat(OTEL.getSpans()).isEmpty();
    pending.complete(7L);

    assertThat(OTEL.getSpans()).singleElement().satisfies(span -> assertThat(span).hasName("later").hasAttribute(AttributeKey.longKey("value"), 7L));
  }

  @Test
  void classLevelTracingWithOptOut() {
    Catalog catalog = new Catalog();
    catalog.size();
    catalog.quiet();

    assertThat(OTEL.getSpans()).singleElement().satisfies(span -> assertThat(span).hasName("Catalog.size"));
  }

  @Test
  void aRecordsAccessorsEqualsAndHashCodeAreNotTracedByItsClassLevelTraced() {
    Sku sku = new Sku("tea", 3);
    java.util.Set<Sku> skus = new java.util.HashSet<>(List.of(sku, new Sku("tea", 3)));

    assertThat(skus).hasSize(1);
    assertThat(sku.code() + sku.size() + sku).isEqualTo("tea3Sku[code=tea, size=3]");
    assertThat(OTEL.getSpans()).isEmpty();
    sku.label();
    assertThat(OTEL.getSpans()).singleElement().satisfies(span -> assertThat(span).hasName("Sku.label"));
  }

  // ---- every kind of asynchronous result ----------------------------------------------------

  private static final AttributeKey<String> VALUE = AttributeKey.stringKey("value");
  private static final AttributeKey<Long> ITEMS = AttributeKey.longKey("items");

  private final ReactiveJobs jobs = new ReactiveJobs();

  private static SpanData spanNamed(String name) {
    return OTEL.getSpans().stream().filter(span -> span.getName().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void successRecordsTheValueOrTheCount() {
    jobs.mono(Mono.just("a")).block();
    jobs.flux(Flux.just(1, 2, 3)).blockLast();
    Flux.from(jobs.publisher(Flux.just(1, 2))).blockLast();
    jobs.single(Single.just("s")).blockingGet();
    jobs.maybe(Maybe.just("m")).blockingGet();
    jobs.completable(Completable.complete()).blockingAwait();
    jobs.observable(Observable.just(1, 2, 3, 4)).blockingLast();
    jobs.flowable(Flowable.just(1, 2, 3, 4, 5)).blockingLast();
    jobs.uni(Uni.createFrom().item("u")).await().indefinitely();
    jobs.multi(Multi.createFrom().items(1, 2, 3)).collect().asList().await().indefinitely();
    SettableFuture<String> listenable = SettableFuture.create();
    org.assertj.core.api.Assertions.assertThat(jobs.listenable(listenable)).isSameAs(listenable);
    listenable.set("l");

    org.assertj.core.api.Assertions.assertThat(OTEL.getSpans()).hasSize(11);
    assertThat(spanNamed("mono")).hasAttribute(VALUE, "a");
    assertThat(spanNamed("flux")).hasAttribute(ITEMS, 3L);
    assertThat(spanNamed("publisher")).hasAttribute(ITEMS, 2L);
    assertThat(spanNamed("single")).hasAttribute(VALUE, "s");
    assertThat(spanNamed("maybe")).hasAttribute(VALUE, "m");
    assertThat(spanNamed("observable")).hasAttribute(ITEMS, 4L);
    assertThat(spanNamed("flowable")).hasAttribute(ITEMS, 5L);
    assertThat(spanNamed("uni")).hasAttribute(VALUE, "u");
    assertThat(spanNamed("multi")).hasAttribute(ITEMS, 3L);
    assertThat(spanNamed("listenable")).hasAttribute(VALUE, "l");
  }

  @Test
  void failureIsAnErrorWithTheExceptionUnwrapped() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(() -> jobs.mono(Mono.error(boom)).block()).isSameAs(boom);
    assertThatThrownBy(() -> jobs.flux(Flux.error(boom)).blockLast()).isSameAs(boom);
    assertThatThrownBy(() -> jobs.single(Single.error(boom)).blockingGet()).isSameAs(boom);
    assertThatThrownBy(() -> jobs.completable(Completable.error(boom)).blockingAwait()).isSameAs(boom);
    assertThatThrownBy(() -> jobs.uni(Uni.createFrom().failure(boom)).await().indefinitely()).isSameAs(boom);
    SettableFuture<String> listenable = SettableFuture.create();
    jobs.listenable(listenable);
    listenable.setException(boom);

    List<SpanData> spans = OTEL.getSpans();
    org.assertj.core.api.Assertions.assertThat(spans).hasSize(6).allSatisfy(span -> assertThat(span).hasStatus(io.opentelemetry.sdk.trace.data.StatusData.error()).hasException(boom));
  }

  @Test
  void cancellationIsNotAnError() {
    jobs.mono(Mono.never()).subscribe().dispose();
    jobs.single(Single.never()).subscribe().dispose();
    jobs.uni(Uni.createFrom().nothing()).subscribe().with(item -> {}).cancel();

    org.assertj.core.api.Assertions.assertThat(OTEL.getSpans()).hasSize(3).allSatisfy(span -> {
      assertThat(span).hasAttribute(AttributeKey.booleanKey("traced.canceled"), true);
      org.assertj.core.api.Assertions.assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    });
  }

  @Test
  void aTracedMethodCalledInsideTheChainNestsUnderTheChainsSpan() {
    jobs.mono(Mono.just("x")).map(jobs::inner).block();

    assertThat(spanNamed("inner")).hasParent(spanNamed("mono"));
  }

  @Test
  void implementationsOfAnnotatedInterfaceAndSuperclassMethodsAreTraced() {
    assertThat(new Requests.DefaultOrders().cancel("book")).isEqualTo("cancelled book");
    assertThat(new Requests.NightlyJob().run()).isEqualTo("ran");

    org.assertj.core.api.Assertions.assertThat(OTEL.getSpans()).extracting(SpanData::getName).containsExactly("job");
  }

  @Test
  void currentSpanAndLinkCallerAddToTheImplementationsSpan() {
    String tenant;
    try (io.opentelemetry.context.Scope ignored =
        io.opentelemetry.api.baggage.Baggage.builder().put("tenant", "acme").build().makeCurrent()) {
      tenant = new Requests.DefaultOrders().place("book");
    }

    org.assertj.core.api.Assertions.assertThat(tenant).isEqualTo("reserved book/acme");
    SpanData place = spanNamed("DefaultOrders.place");
    assertThat(place)
        .hasKind(io.opentelemetry.api.trace.SpanKind.SERVER)
        .hasAttribute(AttributeKey.stringKey("placed.item"), "book")
        .hasAttribute(AttributeKey.stringKey("order.item"), "book")
        .hasAttribute(AttributeKey.stringKey("reserved"), "reserved book");
    SpanData batch = spanNamed("nightly-batch");
    assertThat(batch).hasNoParent().hasLinksSatisfying(links -> org.assertj.core.api.Assertions.assertThat(links)
        .singleElement()
        .satisfies(link -> org.assertj.core.api.Assertions.assertThat(link.getSpanContext()).isEqualTo(place.getSpanContext())));
  }

  // First: the extension resets its meter provider before each test, which drops the instruments
  // made before, and traced makes its histogram once, on the first timed call.
  @Test
  @org.junit.jupiter.api.Order(1)
  void metricsRecordTheDurationOfTheOverride() {
    new Requests.NightlyJob().run();

    org.assertj.core.api.Assertions.assertThat(OTEL.getMetrics())
        .filteredOn(metric -> metric.getName().equals("traced.method.duration"))
        .singleElement()
        .satisfies(metric -> org.assertj.core.api.Assertions.assertThat(metric.getHistogramData().getPoints())
            .singleElement()
            .satisfies(point -> org.assertj.core.api.Assertions.assertThat(point.getAttributes().get(AttributeKey.stringKey("code.function.name")))
                .isEqualTo(Requests.NightlyJob.class.getName() + ".run")));
  }

  @Test
  void anExcludedMethodRunsUntracedAndAListedOneIsTraced() {
    org.assertj.core.api.Assertions.assertThat(System.getProperty("traced.exclude")).contains("Requests$Excluded");
    org.assertj.core.api.Assertions.assertThat(new Requests.Excluded().skipped()).isEqualTo("skipped");
    org.assertj.core.api.Assertions.assertThat(new Requests.Listed().work()).isEqualTo("worked");

    org.assertj.core.api.Assertions.assertThat(OTEL.getSpans()).extracting(SpanData::getName).containsExactly("Listed.work");
    org.assertj.core.api.Assertions.assertThat(OTEL.getSpans().get(0).getAttributes().get(AttributeKey.stringKey("excluded.result")))
        .as("an excluded @CurrentSpan method records nothing")
        .isNull();
  }
}
