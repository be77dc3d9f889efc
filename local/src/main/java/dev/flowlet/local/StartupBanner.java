package dev.flowlet.local;

import dev.flowlet.testsupport.elasticsearch.ElasticsearchNode;
import dev.flowlet.testsupport.kafka.KafkaBroker;
import java.time.Duration;
import java.util.Map;

/**
 * What {@code ./flowlet up} prints once everything is healthy: where each part is, and how to log
 * in.
 */
final class StartupBanner {

  private StartupBanner() {}

  static String render(
      LocalSettings settings,
      Map<String, AppProcess> apps,
      KafkaBroker kafka,
      ElasticsearchNode elasticsearch,
      Map<String, String> database,
      Duration took) {
    StringBuilder text = new StringBuilder();
    text.append("\nFlowlet is up (").append(took.toMillis() / 100 / 10.0).append(" s)\n\n");
    apps.forEach(
        (name, app) ->
            text.append(
                String.format(
                    "  %-26s %s  (health %s/health, metrics %s/metrics)%n",
                    name, app.baseUrl(), app.baseUrl(), app.baseUrl())));
    text.append(String.format("  %-26s %s%n", "Kafka", kafka.bootstrapServers()));
    text.append(String.format("  %-26s %s%n", "Elasticsearch", elasticsearch.httpUrl()));
    text.append(
        String.format(
            "  %-26s %s%n",
            "PostgreSQL",
            database.isEmpty() ? "external (FLOWLET_DB_URL)" : database.get("FLOWLET_DB_URL")));
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
