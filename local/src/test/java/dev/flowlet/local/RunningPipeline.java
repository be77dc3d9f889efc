package dev.flowlet.local;

import dev.flowlet.testsupport.FlowletInfrastructure;
import dev.flowlet.testsupport.ports.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The three apps as child JVMs of this test JVM, against its real Kafka, Elasticsearch and
 * PostgreSQL: started once, on first use, and stopped when the JVM exits, so every end-to-end test
 * class shares one pipeline.
 */
final class RunningPipeline {

  private static RunningPipeline shared;

  private final FlowletInfrastructure infrastructure;
  private final List<AppProcess> apps;
  private final AppProcess api;
  private final Map<String, String> environment;
  private final Path root;
  private final Path work;

  private RunningPipeline(
      FlowletInfrastructure infrastructure,
      List<AppProcess> apps,
      AppProcess api,
      Map<String, String> environment,
      Path root,
      Path work) {
    this.infrastructure = infrastructure;
    this.apps = new ArrayList<>(apps);
    this.api = api;
    this.environment = environment;
    this.root = root;
    this.work = work;
  }

  /**
   * Kills {@code app} with SIGKILL and starts it again with the same settings and state folder;
   * returns how long it took until the new process was healthy.
   */
  synchronized Duration killAndRestart(FlowletApp app) {
    AppProcess victim =
        apps.stream()
            .filter(process -> process.name().equals(app.artifact))
            .findFirst()
            .orElseThrow();
    victim.kill();
    long killedAt = System.nanoTime();
    apps.remove(victim);
    apps.add(
        AppProcess.start(
            app.artifact,
            app.jar(root),
            environment,
            Integer.parseInt(environment.get(app.portVariable)),
            work.resolve(app.artifact + "-restarted.log"),
            Duration.ofMinutes(3)));
    return Duration.ofNanos(System.nanoTime() - killedAt);
  }

  static synchronized RunningPipeline shared() {
    if (shared == null) {
      // No hook of its own: every app launched is stopped when this JVM exits (LaunchedApps), all
      // at once, within the 30 s Failsafe gives a test JVM to exit. Closed one by one (up to 30 s
      // each), the api, closed last, could still be running when Failsafe halted the JVM.
      shared = start();
    }
    return shared;
  }

  FlowletInfrastructure infrastructure() {
    return infrastructure;
  }

  synchronized List<AppProcess> apps() {
    return List.copyOf(apps);
  }

  String apiUrl() {
    return api.baseUrl();
  }

  private static RunningPipeline start() {
    FlowletInfrastructure infrastructure = FlowletInfrastructure.shared();
    Path root = Path.of(System.getProperty("flowlet.root", "..")).toAbsolutePath().normalize();
    Path work;
    try {
      work = Files.createTempDirectory("flowlet-e2e");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> environment = new HashMap<>();
    environment.put("SPRING_PROFILES_ACTIVE", "local");
    environment.put("FLOWLET_DB_URL", infrastructure.jdbcUrl());
    environment.put("FLOWLET_DB_USER", infrastructure.dbUsername());
    environment.put("FLOWLET_DB_PASSWORD", infrastructure.dbPassword());
    environment.put("FLOWLET_KAFKA_BOOTSTRAP", infrastructure.kafkaBootstrapServers());
    environment.put("FLOWLET_ES_URL", infrastructure.elasticsearchUrl());
    environment.put("FLOWLET_STREAMS_STATE_DIR", work.resolve("streams").toString());
    // The scenarios send more requests per second than one real client should.
    environment.put("FLOWLET_RATE_LIMITS_ENABLED", "false");
    for (FlowletApp app : FlowletApp.values()) {
      environment.put(app.portVariable, Integer.toString(LoopbackPorts.pickFree()));
    }
    List<AppProcess> apps = new ArrayList<>();
    AppProcess api = null;
    try {
      for (FlowletApp app : FlowletApp.values()) {
        int port = Integer.parseInt(environment.get(app.portVariable));
        AppProcess process =
            AppProcess.start(
                app.artifact,
                app.jar(root),
                environment,
                port,
                work.resolve(app.artifact + ".log"),
                Duration.ofMinutes(3));
        apps.add(process);
        if (app == FlowletApp.API) {
          api = process;
        }
      }
    } catch (RuntimeException e) {
      // The apps already up would otherwise run on, and the next test class would start more.
      apps.reversed().forEach(AppProcess::close);
      throw e;
    }
    return new RunningPipeline(infrastructure, apps, api, Map.copyOf(environment), root, work);
  }
}
