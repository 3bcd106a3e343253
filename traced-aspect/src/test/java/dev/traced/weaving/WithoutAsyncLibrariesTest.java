package dev.traced.weaving;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.Traced;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * An application with none of the optional asynchronous libraries (Vert.x, Reactor, RxJava,
 * Mutiny, Guava, Reactive Streams) on its class path: woven methods still run and are traced,
 * futures still end their spans on completion, and nothing fails to load.
 */
class WithoutAsyncLibrariesTest {

  private static final List<String> ASYNC_LIBRARIES = List.of("vertx", "reactor", "rxjava", "mutiny", "guava", "reactive-streams");

  /** Runs in a JVM of its own, woven, without the optional libraries. */
  public static final class Application {
    @Traced("sync")
    static String sync() {
      return "value";
    }

    @Traced("future")
    static CompletableFuture<String> future(CompletableFuture<String> result) {
      return result;
    }

    @Traced("undeclared")
    static Object undeclared(Object result) {
      return result;
    }

    public static void main(String[] args) {
      InMemorySpanExporter exporter = InMemorySpanExporter.create();
      OpenTelemetrySdk.builder()
          .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build())
          .buildAndRegisterGlobal();
      CompletableFuture<String> pending = new CompletableFuture<>();
      System.out.println(sync() + " " + future(pending).isDone() + " " + undeclared("plain") + " " + undeclared(CompletableFuture.completedFuture("done")).getClass().getSimpleName());
      System.out.println("before completion: " + names(exporter.getFinishedSpanItems()));
      pending.complete("later");
      System.out.println("after completion: " + names(exporter.getFinishedSpanItems()));
    }

    private static String names(List<SpanData> spans) {
      return spans.stream().map(SpanData::getName).sorted().collect(Collectors.joining(","));
    }
  }

  @Test
  void wovenMethodsAndFuturesAreTracedWithoutThem() throws Exception {
    List<String> classPath =
        Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(entry -> ASYNC_LIBRARIES.stream().noneMatch(library -> Path.of(entry).getFileName().toString().contains(library)))
            .toList();
    assertThat(classPath.stream().map(entry -> Path.of(entry).getFileName().toString()))
        .noneMatch(jar -> jar.startsWith("reactor-core") || jar.startsWith("rxjava") || jar.startsWith("mutiny-")
            || jar.startsWith("guava-") || jar.startsWith("vertx-core") || jar.startsWith("reactive-streams"));
    assertThat(WovenJvm.run(Application.class, classPath))
        .containsExactly(
            "value false plain CompletableFuture",
            "before completion: sync,undeclared,undeclared",
            "after completion: future,sync,undeclared,undeclared");
  }
}
