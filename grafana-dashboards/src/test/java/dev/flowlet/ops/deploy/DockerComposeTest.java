package dev.flowlet.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.ops.Repository;
import dev.flowlet.ops.debian.DebianTool;
import dev.flowlet.ops.debian.DebianTool.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/docker-compose.yml as docker-compose renders it ({@code docker-compose config} needs no
 * Docker engine), with the example settings of deploy/env/compose.env.example.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DockerComposeTest {

  private static final Path COMPOSE = Repository.deploy("docker-compose.yml");
  private static final Map<String, String> APP_JARS =
      Map.of(
          "api", "api/target/flowlet-api-exec.jar",
          "streams-processor", "streams-processor/target/flowlet-streams-processor-exec.jar",
          "batch-jobs", "batch-jobs/target/flowlet-batch-jobs-exec.jar");

  private Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  void render() {
    Run run =
        DebianTool.DOCKER_COMPOSE.run(
            Repository.root(),
            "--env-file",
            Repository.deploy("env/compose.env.example").toString(),
            "-f",
            COMPOSE.toString(),
            "config");
    assertThat(run.succeeded()).as(run.describe()).isTrue();
    Map<String, Object> rendered = new Yaml().load(run.output());
    services = (Map<String, Map<String, Object>>) rendered.get("services");
  }

  @Test
  void runsTheWholeStack() {
    assertThat(services)
        .containsOnlyKeys(
            "postgres",
            "kafka",
            "elasticsearch",
            "elasticsearch-setup",
            "kibana",
            "prometheus",
            "grafana",
            "api",
            "streams-processor",
            "batch-jobs");
  }

  @Test
  void pinsEveryImageToTheVersionsFlowletRunsOn() {
    services.forEach(
        (name, service) ->
            assertThat(String.valueOf(service.get("image")))
                .as("image of %s", name)
                .matches(".+:[^:/]+")
                .doesNotEndWith(":latest"));
    assertThat(image("postgres")).startsWith("postgres:15.");
    assertThat(image("kafka")).startsWith("apache/kafka:4.1.");
    assertThat(image("elasticsearch")).endsWith("/elasticsearch:9.5.3");
    assertThat(image("kibana")).endsWith("/kibana:9.5.3");
  }

  @Test
  void refusesToRenderWithoutTheSecrets(@TempDir Path dir) throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.env"));

    Run run =
        DebianTool.DOCKER_COMPOSE.run(
            Repository.root(), "--env-file", empty.toString(), "-f", COMPOSE.toString(), "config");

    assertThat(run.succeeded()).as(run.describe()).isFalse();
    assertThat(run.output()).containsPattern("set [A-Z_]+ in deploy/\\.env");
  }

  @Test
  void runsEachAppFromItsExecutableJarOnTheRuntimeImage() {
    APP_JARS.forEach(
        (app, jar) -> {
          assertThat(services.get(app)).containsEntry("image", "flowlet-runtime:21");
          assertThat(volumes(app))
              .as("volumes of %s", app)
              .contains(Repository.root().resolve(jar) + ":/opt/flowlet/app.jar:ro");
          assertThat(environment(app)).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
        });
    assertThat(environment("api")).containsKey("FLOWLET_JWT_SECRET");
  }

  @Test
  @SuppressWarnings("unchecked")
  void publishesPortsOnTheLoopbackInterfaceOnly() {
    services.forEach(
        (name, service) -> {
          for (Object port : (List<Object>) service.getOrDefault("ports", List.of())) {
            assertThat(String.valueOf(port)).as("port of %s", name).startsWith("127.0.0.1:");
          }
        });
  }

  @Test
  void givesPrometheusTheRulesAndTheAppsByServiceName() throws IOException {
    assertThat(volumes("prometheus"))
        .contains(
            Repository.monitoring("prometheus") + ":/etc/prometheus/flowlet:ro",
            Repository.deploy("prometheus/targets") + ":/etc/prometheus/flowlet/targets:ro");
    Map<String, String> ports =
        Map.of("api", "5001", "streams-processor", "5002", "batch-jobs", "5003");
    for (var app : ports.entrySet()) {
      Path targets = Repository.deploy("prometheus/targets/flowlet-" + app.getKey() + ".yml");
      assertThat(Files.readString(targets)).contains(app.getKey() + ":" + app.getValue());
      assertThat(services).containsKey(app.getKey());
    }
  }

  @Test
  void provisionsGrafanaWithTheDashboardsAndThePrometheusDatasource() {
    Map<String, Object> provider =
        firstOf(Repository.monitoring("provisioning/dashboards/flowlet.yml"), "providers");
    String dashboardsPath = String.valueOf(((Map<?, ?>) provider.get("options")).get("path"));

    assertThat(volumes("grafana"))
        .contains(
            Repository.monitoring("provisioning") + ":/etc/grafana/provisioning:ro",
            Repository.monitoring("dashboards") + ":" + dashboardsPath + ":ro");
    assertThat(environment("grafana"))
        .containsEntry("FLOWLET_PROMETHEUS_URL", "http://prometheus:9090");
    Map<String, Object> datasource =
        firstOf(
            Repository.monitoring("provisioning/datasources/flowlet-prometheus.yml"),
            "datasources");
    assertThat(datasource)
        .containsEntry("type", "prometheus")
        .containsEntry("url", "${FLOWLET_PROMETHEUS_URL}")
        .containsEntry("isDefault", true);
  }

  /** The first entry of the list under {@code key} in a YAML file. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> firstOf(Path file, String key) {
    try (var reader = Files.newBufferedReader(file)) {
      Map<String, Object> document = new Yaml().load(reader);
      return ((List<Map<String, Object>>) document.get(key)).getFirst();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String image(String service) {
    return String.valueOf(services.get(service).get("image"));
  }

  @SuppressWarnings("unchecked")
  private List<String> volumes(String service) {
    return ((List<Object>) services.get(service).getOrDefault("volumes", List.of()))
        .stream().map(String::valueOf).toList();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> environment(String service) {
    return (Map<String, Object>) services.get(service).get("environment");
  }
}
