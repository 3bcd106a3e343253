package dev.traced.ctw;

import static io.opentelemetry.sdk.testing.assertj.OpenTelemetryAssertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.junit5.OpenTelemetryExtension;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same behaviour as under load-time weaving, from application classes woven by ajc at build time
 * with the README's plugin configuration; the tests themselves are plain javac.
 */
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
}
