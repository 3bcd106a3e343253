package dev.traced.sample.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.traced.sample.GoTools;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The Dockerfile, compose files, Kubernetes manifests and backend configs cannot run here, so
 * this test holds them to the code: ports, variable names, service names, endpoints, probes, the
 * agent flag and pinned images. A change in the code that breaks one of them breaks this test. The
 * Kubernetes checks read what kustomize renders (tools/bin/kustomize), the manifests a cluster
 * would be given, generated ConfigMap included.
 */
class DeploymentConsistencyTest {

  private static final Path ROOT = Path.of(System.getProperty("repository.root", "..")).normalize();
  private static final Path DEPLOY = ROOT.resolve("deploy");
  private static final Map<String, ServiceDescription> SERVICES =
      Map.of(
          "s1", S1Service.DESCRIPTION,
          "s2", S2Service.DESCRIPTION,
          "decorator-s1", DecoratorS1Service.DESCRIPTION);
  private static final Set<String> SERVICE_VARIABLES =
      Set.of(ServiceSettings.PORT, ServiceSettings.BIND_ADDRESS, ServiceSettings.S2_ADDR, "SERVICE");
  private static final Set<String> OTEL_VARIABLES =
      Set.of("OTEL_SERVICE_NAME", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL");
  private static final String AGENT = "-javaagent:/app/aspectjweaver.jar";
  private static final Pattern PINNED_IMAGE = Pattern.compile("[a-z0-9./_-]+:(?!latest$)[A-Za-z0-9._-]*[0-9][A-Za-z0-9._-]*");

  // ---- Dockerfile -------------------------------------------------------------------------

  private static List<String> dockerfile() throws IOException {
    return Files.readAllLines(ROOT.resolve("Dockerfile")).stream()
        .map(String::trim)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  /** The Dockerfile's ENTRYPOINT as a list: compose and Kubernetes must run the same command. */
  private static List<String> entrypoint() throws IOException {
    String line = dockerfile().stream().filter(l -> l.startsWith("ENTRYPOINT ")).reduce((a, b) -> b).orElseThrow();
    return new Yaml().load(line.substring("ENTRYPOINT ".length()));
  }

  @Test
  void theDockerfileBuildsWithMavenAndRunsOnASlimJreAsNonRoot() throws IOException {
    List<String> lines = dockerfile();
    List<String> stages = lines.stream().filter(line -> line.startsWith("FROM ")).toList();

    assertThat(stages).hasSize(2);
    assertThat(stages.get(0)).contains("maven:").endsWith(" AS build");
    assertThat(stages.get(1)).contains("-jre").doesNotContain("maven").doesNotContain("jdk");
    stages.forEach(stage -> assertThat(stage.split(" ")[1]).matches(PINNED_IMAGE));
    List<String> runtime = lines.subList(lines.indexOf(stages.get(1)), lines.size());
    assertThat(runtime).anyMatch(line -> line.matches("USER (?!0\\b|root\\b)\\S+"));
    assertThat(runtime).noneMatch(line -> line.startsWith("RUN") && line.contains("mvn"));
    assertThat(runtime)
        .anyMatch(line -> line.startsWith("COPY --from=build") && line.contains("aspectjweaver.jar") && line.endsWith("/app/"))
        .anyMatch(line -> line.startsWith("COPY --from=build") && line.contains("sample-vertx.jar") && line.endsWith("/app/"))
        .anyMatch(line -> line.startsWith("COPY --from=build") && line.contains("target/lib/") && line.endsWith("/app/lib/"));
    assertThat(lines).anyMatch(line -> line.contains("mvn") && line.contains("-pl sample-vertx") && line.contains("package"));
    assertThat(entrypoint()).contains(AGENT).containsSubsequence("-jar", "/app/sample-vertx.jar");
    assertThat(lines)
        .anyMatch(line -> line.equals("EXPOSE " + S1Service.DESCRIPTION.defaultPort() + " " + S2Service.DESCRIPTION.defaultPort()));
  }

  // ---- every YAML file ---------------------------------------------------------------------

  private static List<Path> yamlFiles() throws IOException {
    try (Stream<Path> files = Files.walk(DEPLOY)) {
      return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml")).sorted().toList();
    }
  }

  private static List<Map<String, Object>> documents(Path file) throws IOException {
    List<Map<String, Object>> documents = new ArrayList<>();
    for (Object document : new Yaml().loadAll(Files.readString(file))) {
      if (document != null) {
        documents.add(asMap(document));
      }
    }
    return documents;
  }

  @Test
  void everyYamlFileParsesAndPinsItsImages() throws IOException {
    List<Path> files = yamlFiles();
    assertThat(files).hasSizeGreaterThanOrEqualTo(10);
    for (Path file : files) {
      List<String> images = new ArrayList<>();
      documents(file).forEach(document -> collectImages(document, images));
      images.forEach(image -> assertThat(image).as("image in %s", file).matches(PINNED_IMAGE));
    }
  }

  private static void collectImages(Object node, List<String> images) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if ("image".equals(key) && value instanceof String image) {
              images.add(image);
            } else {
              collectImages(value, images);
            }
          });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> collectImages(item, images));
    }
  }

  // ---- compose -------------------------------------------------------------------------------

  @ParameterizedTest
  @ValueSource(strings = {"jaeger.yaml", "tempo.yaml"})
  void composeRunsTheSampleServicesWiredByServiceName(String file) throws IOException {
    Map<String, Object> services = map(documents(DEPLOY.resolve("compose").resolve(file)).get(0), "services");
    List<String> ours = services.keySet().stream().filter(name -> map(services, name).containsKey("build")).toList();
    assertThat(ours).containsExactlyInAnyOrder("s1", "s2");

    for (String name : ours) {
      Map<String, Object> service = map(services, name);
      assertThat(Path.of(DEPLOY.resolve("compose").toString(), string(map(service, "build"), "context")).normalize())
          .isEqualTo(ROOT);
      assertThat(list(service, "entrypoint")).as("%s entrypoint", name).isEqualTo(entrypoint());
      ServiceDescription description = SERVICES.get(list(service, "command").get(0));
      assertThat(description).as("%s command", name).isNotNull();
      Map<String, Object> environment = map(service, "environment");
      assertKnownVariables(environment.keySet());
      int port = Integer.parseInt(string(environment, ServiceSettings.PORT));
      assertThat(port).isEqualTo(description.defaultPort());
      assertThat(list(service, "ports")).contains(port + ":" + port);
      assertThat(environment.get("OTEL_SERVICE_NAME")).isEqualTo(description.defaultServiceName());

      URI otlp = URI.create(string(environment, "OTEL_EXPORTER_OTLP_ENDPOINT"));
      assertThat(otlp.getPort()).as("OTLP/HTTP port").isEqualTo(4318);
      assertThat(list(map(services, otlp.getHost()), "ports")).as("%s exposes OTLP", otlp.getHost()).contains("4318:4318");
      if (environment.containsKey(ServiceSettings.S2_ADDR)) {
        URI s2 = URI.create(string(environment, ServiceSettings.S2_ADDR));
        Map<String, Object> target = map(services, s2.getHost());
        assertThat(list(target, "command")).containsExactly("s2");
        assertThat(s2.getPort()).isEqualTo(Integer.parseInt(string(map(target, "environment"), ServiceSettings.PORT)));
      }
    }
  }

  @Test
  void jaegerComposeExposesOtlpAndTheUi() throws IOException {
    Map<String, Object> jaeger = map(map(documents(DEPLOY.resolve("compose/jaeger.yaml")).get(0), "services"), "jaeger");

    assertThat(string(jaeger, "image")).startsWith("jaegertracing/jaeger:2.");
    assertThat(list(jaeger, "ports")).contains("16686:16686", "4317:4317", "4318:4318");
  }

  @Test
  void tempoGrafanaAndTheirConfigsAgree() throws IOException {
    Map<String, Object> services = map(documents(DEPLOY.resolve("compose/tempo.yaml")).get(0), "services");
    Map<String, Object> tempo = map(services, "tempo");
    Map<String, Object> tempoConfig = documents(DEPLOY.resolve("tempo/tempo.yaml")).get(0);
    int apiPort = (Integer) map(tempoConfig, "server").get("http_listen_port");

    assertThat(string(tempo, "image")).startsWith("grafana/tempo:3.");
    assertThat(list(tempo, "command")).contains("-target=all", "-config.file=/etc/tempo.yaml");
    assertThat(list(tempo, "volumes")).contains("../tempo/tempo.yaml:/etc/tempo.yaml:ro");
    assertThat(list(tempo, "ports")).contains(apiPort + ":" + apiPort, "4317:4317", "4318:4318");
    Map<String, Object> protocols = map(map(map(map(tempoConfig, "distributor"), "receivers"), "otlp"), "protocols");
    assertThat(string(map(protocols, "grpc"), "endpoint")).isEqualTo("0.0.0.0:4317");
    assertThat(string(map(protocols, "http"), "endpoint")).isEqualTo("0.0.0.0:4318");

    Map<String, Object> grafana = map(services, "grafana");
    assertThat(string(grafana, "image")).startsWith("grafana/grafana:");
    assertThat(list(grafana, "volumes")).contains("../grafana/datasources:/etc/grafana/provisioning/datasources:ro");
    Map<String, Object> datasource = asMap(list(documents(DEPLOY.resolve("grafana/datasources/tempo.yaml")).get(0), "datasources").get(0));
    assertThat(string(datasource, "type")).isEqualTo("tempo");
    assertThat(string(datasource, "url")).isEqualTo("http://tempo:" + apiPort);
  }

  // ---- Kubernetes ----------------------------------------------------------------------------

  private record Kubernetes(
      Map<String, Map<String, Object>> deployments,
      Map<String, Map<String, Object>> services,
      Map<String, Map<String, Object>> configMaps) {}

  private static Kubernetes rendered;

  /** What {@code kubectl apply -k deploy/kubernetes} would apply: kustomize's rendering, read once. */
  private static synchronized Kubernetes kubernetes() throws IOException, InterruptedException {
    if (rendered == null) {
      Path kustomize = GoTools.require("kustomize");
      Process build =
          new ProcessBuilder(kustomize.toString(), "build", DEPLOY.resolve("kubernetes").toString()).redirectErrorStream(true).start();
      String output = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(build.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(build.exitValue()).as("kustomize build deploy/kubernetes:%n%s", output).isZero();
      rendered = parse(output);
    }
    return rendered;
  }

  private static Kubernetes parse(String manifests) {
    Map<String, Map<String, Object>> deployments = new HashMap<>();
    Map<String, Map<String, Object>> services = new HashMap<>();
    Map<String, Map<String, Object>> configMaps = new HashMap<>();
    for (Object node : new Yaml().loadAll(manifests)) {
      Map<String, Object> document = asMap(node);
      String name = string(map(document, "metadata"), "name");
      switch (string(document, "kind")) {
        case "Deployment" -> deployments.put(name, document);
        case "Service" -> services.put(name, document);
        case "ConfigMap" -> configMaps.put(name, document);
        default -> throw new AssertionError("unexpected kind in the rendered manifests: " + document.get("kind"));
      }
    }
    return new Kubernetes(deployments, services, configMaps);
  }

  private static Map<String, Object> container(Map<String, Object> deployment) {
    return asMap(list(map(map(map(deployment, "spec"), "template"), "spec"), "containers").get(0));
  }

  private static Map<String, Object> podLabels(Map<String, Object> deployment) {
    return map(map(map(map(deployment, "spec"), "template"), "metadata"), "labels");
  }

  private static Map<String, Integer> containerPorts(Map<String, Object> container) {
    Map<String, Integer> ports = new HashMap<>();
    for (Object port : list(container, "ports")) {
      ports.put(string(asMap(port), "name"), (Integer) asMap(port).get("containerPort"));
    }
    return ports;
  }

  private static Map<String, String> env(Map<String, Object> container) {
    Map<String, String> env = new HashMap<>();
    for (Object variable : list(container, "env")) {
      env.put(string(asMap(variable), "name"), string(asMap(variable), "value"));
    }
    return env;
  }

  /** The container port a Service port leads to, through the Deployment its selector picks. */
  private static int resolve(Kubernetes cluster, String serviceName, int servicePort) {
    Map<String, Object> service = cluster.services().get(serviceName);
    assertThat(service).as("Service %s", serviceName).isNotNull();
    Map<String, Object> selector = map(map(service, "spec"), "selector");
    Map<String, Object> deployment =
        cluster.deployments().values().stream()
            .filter(candidate -> podLabels(candidate).entrySet().containsAll(selector.entrySet()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no Deployment matches the selector of " + serviceName));
    Map<String, Object> port =
        list(map(service, "spec"), "ports").stream()
            .map(DeploymentConsistencyTest::asMap)
            .filter(candidate -> Objects.equals(candidate.get("port"), servicePort))
            .findFirst()
            .orElseThrow(() -> new AssertionError(serviceName + " has no port " + servicePort));
    Integer target = containerPorts(container(deployment)).get(string(port, "targetPort"));
    assertThat(target).as("%s:%d targets a named container port", serviceName, servicePort).isNotNull();
    return target;
  }

  @Test
  void everyServiceSelectsADeploymentAndTargetsOneOfItsPorts() throws Exception {
    Kubernetes cluster = kubernetes();
    for (Map.Entry<String, Map<String, Object>> service : cluster.services().entrySet()) {
      for (Object port : list(map(service.getValue(), "spec"), "ports")) {
        resolve(cluster, service.getKey(), (Integer) asMap(port).get("port"));
      }
    }
  }

  @Test
  void everyDeploymentHasProbesAndResourceRequestsAndLimits() throws Exception {
    for (Map.Entry<String, Map<String, Object>> deployment : kubernetes().deployments().entrySet()) {
      Map<String, Object> container = container(deployment.getValue());
      assertThat(string(container, "image")).matches(PINNED_IMAGE);
      for (String probe : List.of("readinessProbe", "livenessProbe")) {
        Map<String, Object> httpGet = map(map(container, probe), "httpGet");
        assertThat(containerPorts(container)).as("%s %s port", deployment.getKey(), probe).containsKey(string(httpGet, "port"));
      }
      Map<String, Object> resources = map(container, "resources");
      for (String bound : List.of("requests", "limits")) {
        assertThat(map(resources, bound)).as("%s %s", deployment.getKey(), bound).containsKeys("cpu", "memory");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"s1", "s2"})
  void sampleDeploymentsRunTheServiceWithTheAgentAsTheCodeExpects(String name) throws Exception {
    Kubernetes cluster = kubernetes();
    Map<String, Object> container = container(cluster.deployments().get(name));
    ServiceDescription description = SERVICES.get(name);

    assertThat(list(container, "command")).isEqualTo(entrypoint()).contains(AGENT);
    assertThat(list(container, "args")).containsExactly(description.command());
    Map<String, String> env = env(container);
    assertKnownVariables(env.keySet());
    assertThat(env.get(ServiceSettings.PORT)).isEqualTo(Integer.toString(description.defaultPort()));
    assertThat(containerPorts(container).get("http")).isEqualTo(description.defaultPort());
    assertThat(env.get("OTEL_SERVICE_NAME")).isEqualTo(description.defaultServiceName());
    for (String probe : List.of("readinessProbe", "livenessProbe")) {
      assertThat(string(map(map(container, probe), "httpGet"), "path")).isEqualTo(ServiceNames.HEALTH_PATH);
    }
    URI otlp = URI.create(env.get("OTEL_EXPORTER_OTLP_ENDPOINT"));
    assertThat(otlp.getHost()).isEqualTo("otel-collector");
    assertThat(resolve(cluster, otlp.getHost(), otlp.getPort())).isEqualTo(4318);
  }

  @Test
  void s1FindsS2ThroughItsService() throws Exception {
    Kubernetes cluster = kubernetes();
    URI s2 = URI.create(env(container(cluster.deployments().get("s1"))).get(ServiceSettings.S2_ADDR));

    assertThat(s2.toString()).isEqualTo("http://s2-service:20000");
    assertThat(resolve(cluster, s2.getHost(), s2.getPort())).isEqualTo(S2Service.DESCRIPTION.defaultPort());
    assertThat(list(container(cluster.deployments().get("s2")), "args")).containsExactly("s2");
  }

  @Test
  void theCollectorGatewayReceivesOtlpAndLoadBalancesByTraceIdToAHeadlessBackend() throws Exception {
    Kubernetes cluster = kubernetes();
    Map<String, Object> gateway = cluster.deployments().get("otel-collector");
    Map<String, Object> collector = container(gateway);
    assertThat(string(collector, "image")).startsWith("otel/opentelemetry-collector-contrib:");

    // The pod mounts the generated ConfigMap (kustomize suffixes its name with a hash of the data)
    // and the collector reads the key the --config argument names from it.
    Map<String, Object> volume = asMap(list(map(map(map(gateway, "spec"), "template"), "spec"), "volumes").get(0));
    Map<String, Object> configMap = cluster.configMaps().get(string(map(volume, "configMap"), "name"));
    assertThat(configMap).as("the ConfigMap the collector mounts").isNotNull();
    String mountPath = string(asMap(list(collector, "volumeMounts").get(0)), "mountPath");
    String argument =
        list(collector, "args").stream().map(String::valueOf).filter(arg -> arg.startsWith("--config=")).findFirst().orElseThrow();
    assertThat(argument).startsWith("--config=" + mountPath + "/");
    String key = argument.substring(("--config=" + mountPath + "/").length());
    Map<String, Object> config = asMap(new Yaml().load(string(map(configMap, "data"), key)));

    Map<String, Object> protocols = map(map(map(config, "receivers"), "otlp"), "protocols");
    assertThat(string(map(protocols, "grpc"), "endpoint")).isEqualTo("0.0.0.0:" + resolve(cluster, "otel-collector", 4317));
    assertThat(string(map(protocols, "http"), "endpoint")).isEqualTo("0.0.0.0:" + resolve(cluster, "otel-collector", 4318));
    assertThat(string(map(map(config, "extensions"), "health_check"), "endpoint"))
        .isEqualTo("0.0.0.0:" + containerPorts(collector).get("health"));

    Map<String, Object> loadBalancing = map(map(config, "exporters"), "loadbalancing");
    assertThat(string(loadBalancing, "routing_key")).isEqualTo("traceID");
    Map<String, Object> dns = map(map(loadBalancing, "resolver"), "dns");
    Map<String, Object> headless = cluster.services().get(string(dns, "hostname"));
    assertThat(headless).as("the resolver's Service").isNotNull();
    assertThat(map(headless, "spec").get("clusterIP")).isEqualTo("None");
    int backendPort = resolve(cluster, string(dns, "hostname"), Integer.parseInt(string(dns, "port")));
    assertThat(containerPorts(container(cluster.deployments().get("jaeger"))).get("otlp-grpc")).isEqualTo(backendPort);

    Map<String, Object> traces = map(map(map(config, "service"), "pipelines"), "traces");
    assertThat(list(traces, "receivers")).containsExactly("otlp");
    assertThat(list(traces, "processors")).contains("memory_limiter", "batch");
    assertThat(list(traces, "exporters")).containsExactly("loadbalancing");
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static void assertKnownVariables(Set<String> names) {
    for (String name : names) {
      assertThat(SERVICE_VARIABLES.contains(name) || OTEL_VARIABLES.contains(name))
          .as("%s is a variable the services read", name)
          .isTrue();
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object node) {
    assertThat(node).isInstanceOf(Map.class);
    return (Map<String, Object>) node;
  }

  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    assertThat(parent).as("has %s", key).containsKey(key);
    return asMap(parent.get(key));
  }

  private static List<Object> list(Map<String, Object> parent, String key) {
    assertThat(parent).as("has %s", key).containsKey(key);
    assertThat(parent.get(key)).isInstanceOf(List.class);
    @SuppressWarnings("unchecked")
    List<Object> list = (List<Object>) parent.get(key);
    return list;
  }

  private static String string(Map<String, Object> parent, String key) {
    assertThat(parent).as("has %s", key).containsKey(key);
    return String.valueOf(parent.get(key));
  }
}
