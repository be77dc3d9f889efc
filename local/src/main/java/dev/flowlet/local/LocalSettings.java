package dev.flowlet.local;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the local stack keeps its data and which ports it binds. Every port can be moved with an
 * environment variable; the defaults are the documented ones.
 *
 * @param root the Flowlet checkout (where the apps' jars are built)
 * @param home data and logs, {@code FLOWLET_HOME}, default {@code <root>/.flowlet}
 * @param apiPort {@code FLOWLET_API_PORT}, default 5001
 * @param streamsPort {@code FLOWLET_STREAMS_PORT}, default 5002
 * @param batchPort {@code FLOWLET_BATCH_PORT}, default 5003
 * @param kafkaPort {@code FLOWLET_KAFKA_PORT}, default 9092
 * @param elasticsearchPort {@code FLOWLET_ES_PORT}, default 9200
 * @param postgresPort {@code FLOWLET_PG_PORT}, default 5432 (embedded PostgreSQL only)
 * @param controlPort {@code FLOWLET_CONTROL_PORT}, default 5010: the launcher's loopback control
 *     endpoint behind {@code ./flowlet status} and {@code ./flowlet part}
 * @param externalDatabase whether {@code FLOWLET_DB_URL} names an external PostgreSQL
 * @param demoPassword the demo users' password, {@code FLOWLET_DEMO_PASSWORD}
 * @param apps the apps to run, {@code FLOWLET_APPS} (comma-separated folder names such as {@code
 *     api,streams-processor}), default all three
 */
record LocalSettings(
    Path root,
    Path home,
    int apiPort,
    int streamsPort,
    int batchPort,
    int kafkaPort,
    int elasticsearchPort,
    int postgresPort,
    int controlPort,
    boolean externalDatabase,
    String demoPassword,
    Set<FlowletApp> apps) {

  static LocalSettings fromEnvironment(Path root, Map<String, String> env) {
    return new LocalSettings(
        root,
        Path.of(env.getOrDefault("FLOWLET_HOME", root.resolve(".flowlet").toString()))
            .toAbsolutePath(),
        port(env, "FLOWLET_API_PORT", 5001),
        port(env, "FLOWLET_STREAMS_PORT", 5002),
        port(env, "FLOWLET_BATCH_PORT", 5003),
        port(env, "FLOWLET_KAFKA_PORT", 9092),
        port(env, "FLOWLET_ES_PORT", 9200),
        port(env, "FLOWLET_PG_PORT", 5432),
        port(env, "FLOWLET_CONTROL_PORT", 5010),
        env.get("FLOWLET_DB_URL") != null && !env.get("FLOWLET_DB_URL").isBlank(),
        env.getOrDefault("FLOWLET_DEMO_PASSWORD", "flowlet-demo"),
        apps(env.get("FLOWLET_APPS")));
  }

  private static Set<FlowletApp> apps(String value) {
    if (value == null || value.isBlank()) {
      return EnumSet.allOf(FlowletApp.class);
    }
    Set<FlowletApp> apps = EnumSet.noneOf(FlowletApp.class);
    for (String name : value.split(",")) {
      apps.add(
          FlowletApp.byFolder(name.strip())
              .orElseThrow(
                  () ->
                      new StackStartException(
                          "FLOWLET_APPS="
                              + value
                              + " names an unknown app; known: api, streams-processor, batch-jobs")));
    }
    return apps;
  }

  Path dataDir(String part) {
    return home.resolve("data").resolve(part);
  }

  Path logFile(String part) {
    return home.resolve("logs").resolve(part + ".log");
  }

  private static int port(Map<String, String> env, String variable, int fallback) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.strip());
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new StackStartException(variable + "=" + value + " is not a port number (1-65535)");
    }
  }
}
