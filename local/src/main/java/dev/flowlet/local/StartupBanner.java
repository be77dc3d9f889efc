package dev.flowlet.local;

import java.time.Duration;

/**
 * What {@code ./flowlet up} prints once everything is healthy: where each part is, and how to log
 * in.
 */
final class StartupBanner {

  private StartupBanner() {}

  static String render(LocalSettings settings, Duration took) {
    StringBuilder text = new StringBuilder();
    text.append("\nFlowlet is up (").append(took.toMillis() / 100 / 10.0).append(" s)\n\n");
    for (FlowletApp app : settings.apps()) {
      String url = "http://127.0.0.1:" + app.port(settings);
      text.append(
          String.format(
              "  %-26s %s  (health %s/health, metrics %s/metrics)%n", app.artifact, url, url, url));
    }
    text.append(String.format("  %-26s 127.0.0.1:%d%n", "Kafka", settings.kafkaPort()));
    text.append(
        String.format(
            "  %-26s http://127.0.0.1:%d%n", "Elasticsearch", settings.elasticsearchPort()));
    text.append(
        String.format(
            "  %-26s %s%n",
            "PostgreSQL",
            settings.externalDatabase()
                ? "external (FLOWLET_DB_URL)"
                : "jdbc:postgresql://localhost:" + settings.postgresPort() + "/flowlet"));
    text.append(
        String.format(
            "  %-26s http://127.0.0.1:%d (./flowlet status; parts restart themselves)%n",
            "Control", settings.controlPort()));
    text.append("\n  Demo users (local profile only), password FLOWLET_DEMO_PASSWORD")
        .append(
            settings.demoPassword().equals("flowlet-demo") ? " (default: flowlet-demo)" : " (set)")
        .append(":\n    demo-operator, demo-officer, demo-approver, demo-auditor, demo-admin\n");
    text.append("\n  Data in ")
        .append(settings.home())
        .append("; logs in ")
        .append(settings.home().resolve("logs"))
        .append("\n  Ctrl-C stops everything.\n");
    return text.toString();
  }
}
