package dev.traced.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The files in deploy/ are read by the programs that will read them in production: the collector
 * validates its configuration, the Compose specification's loader loads the compose files,
 * kustomize renders the manifests (Jaeger loads deploy/jaeger in {@link JaegerIT}); and they name
 * the releases that tools/build builds and the tests run.
 */
class DeployFilesIT {

  private static final Path DEPLOY = GoTools.ROOT.resolve("deploy");
  /** Jaeger's Go module tags v1.N sit on its v2 releases: v1.76.0 is Jaeger 2.13.0. */
  private static final String JAEGER_MODULE = "github.com/jaegertracing/jaeger v1.76.0";
  private static final String JAEGER_IMAGE = "jaegertracing/jaeger:2.13.0";
  private static final String COLLECTOR_RELEASE = "0.161.0";

  private record Run(int exitCode, String output) {}

  private static Run run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(GoTools.ROOT.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(process.exitValue(), output);
  }

  @Test
  void theCollectorValidatesTheShippedGatewayConfiguration() throws Exception {
    Run validate = run(GoTools.require("otelcol").toString(), "validate", "--config", CollectorGatewayIT.CONFIG.toString());
    assertThat(validate.exitCode()).as(validate.output()).isZero();
  }

  @Test
  void theComposeSpecificationsLoaderLoadsEveryComposeFile() throws Exception {
    Path loader = GoTools.require("compose-config");
    List<String> loaded = new ArrayList<>();
    try (Stream<Path> files = Files.list(DEPLOY.resolve("compose"))) {
      for (Path file : files.filter(name -> name.toString().endsWith(".yaml")).sorted().toList()) {
        Run load = run(loader.toString(), file.toString());
        assertThat(load.exitCode()).as("%s:\n%s", file, load.output()).isZero();
        loaded.add(load.output());
      }
    }
    assertThat(loaded).hasSize(2);
    assertThat(loaded.get(0)).contains("image: " + JAEGER_IMAGE);
  }

  @Test
  void kustomizeRendersTheManifestsWithTheReleasesTheTestsRun() throws Exception {
    Run render = run(GoTools.require("kustomize").toString(), "build", DEPLOY.resolve("kubernetes").toString());
    assertThat(render.exitCode()).as(render.output()).isZero();
    assertThat(render.output())
        .contains("image: " + JAEGER_IMAGE)
        .contains("image: otel/opentelemetry-collector-contrib:" + COLLECTOR_RELEASE)
        .contains("kind: ConfigMap");
  }

  @Test
  void theDeployFilesNameTheReleasesThatToolsBuildBuilds() throws Exception {
    assertThat(Files.readString(GoTools.ROOT.resolve("tools/jaeger/go.mod"))).contains(JAEGER_MODULE);
    assertThat(Files.readString(GoTools.ROOT.resolve("tools/otelcol/builder-config.yaml"))).contains("version: " + COLLECTOR_RELEASE);
    assertThat(Files.readString(DEPLOY.resolve("compose/jaeger.yaml"))).contains(JAEGER_IMAGE);
    assertThat(Files.readString(DEPLOY.resolve("kubernetes/jaeger.yaml"))).contains(JAEGER_IMAGE);
  }
}
