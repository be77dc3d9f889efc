package dev.flowlet.ops.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.ops.dashboards.Dashboards.Dashboard;
import dev.flowlet.ops.debian.DebianTool;
import dev.flowlet.ops.debian.DebianTool.Run;
import dev.flowlet.ops.metrics.MetricsContract;
import dev.flowlet.ops.prometheus.RuleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class DashboardsTest {

  private static final String DATASOURCE = "${DS_PROMETHEUS}";

  static List<Dashboard> dashboards() {
    return Dashboards.load().dashboards();
  }

  @Test
  void shipsTheFiveFlowletDashboards() {
    assertThat(dashboards())
        .extracting(dashboard -> dashboard.json().path("uid").asString())
        .containsExactlyInAnyOrder(
            "flowlet-api",
            "flowlet-pipeline",
            "flowlet-fraud",
            "flowlet-batch-compliance",
            "flowlet-infrastructure");
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void isAGrafanaDashboardOfSchemaVersion39OrLater(Dashboard dashboard) {
    JsonNode json = dashboard.json();

    assertThat(json.path("schemaVersion").asInt()).isGreaterThanOrEqualTo(39);
    assertThat(json.path("title").asString()).startsWith("Flowlet / ");
    assertThat(json.path("tags").toString()).contains("\"flowlet\"");
    assertThat(dashboard.panels()).isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void givesEveryPanelItsOwnId(Dashboard dashboard) {
    Set<Integer> ids = new HashSet<>();
    for (JsonNode panel : dashboard.panels()) {
      assertThat(panel.path("id").isInt()).as("panel %s has an id", panel.path("title")).isTrue();
      assertThat(ids.add(panel.path("id").asInt()))
          .as("panel id %s used twice", panel.path("id"))
          .isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void queriesThePrometheusChosenByTheDsPrometheusVariable(Dashboard dashboard) {
    List<JsonNode> variables = new ArrayList<>();
    dashboard.json().path("templating").path("list").forEach(variables::add);
    assertThat(variables)
        .anySatisfy(
            variable -> {
              assertThat(variable.path("name").asString()).isEqualTo("DS_PROMETHEUS");
              assertThat(variable.path("type").asString()).isEqualTo("datasource");
              assertThat(variable.path("query").asString()).isEqualTo("prometheus");
            });
    for (JsonNode variable : variables) {
      if (variable.path("type").asString().equals("query")) {
        assertThat(variable.path("datasource").path("uid").asString()).isEqualTo(DATASOURCE);
      }
    }
    for (JsonNode panel : dashboard.panels()) {
      if (panel.path("type").asString().equals("row")) {
        continue;
      }
      assertThat(panel.path("datasource").path("uid").asString())
          .as("datasource of panel %s", panel.path("title"))
          .isEqualTo(DATASOURCE);
      assertThat(panel.path("targets")).as("queries of %s", panel.path("title")).isNotEmpty();
      for (JsonNode target : panel.path("targets")) {
        assertThat(target.path("datasource").path("uid").asString()).isEqualTo(DATASOURCE);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void readsOnlyMetricsOfTheContract(Dashboard dashboard) {
    Set<String> allowed = new TreeSet<>(MetricsContract.load().names());
    allowed.addAll(RuleFiles.load().recordedNames());

    assertThat(dashboard.metricNames())
        .as("metrics read by %s (add new ones to METRICS.md first)", dashboard)
        .isNotEmpty()
        .isSubsetOf(allowed);
  }

  @ParameterizedTest
  @MethodSource("dashboards")
  void placesPanelsOnTheGridWithoutOverlap(Dashboard dashboard) {
    List<int[]> placed = new ArrayList<>();
    for (JsonNode panel : dashboard.json().path("panels")) {
      JsonNode grid = panel.path("gridPos");
      int x = grid.path("x").asInt();
      int y = grid.path("y").asInt();
      int w = grid.path("w").asInt();
      int h = grid.path("h").asInt();
      assertThat(w).as("width of %s", panel.path("title")).isPositive();
      assertThat(h).as("height of %s", panel.path("title")).isPositive();
      assertThat(x + w).as("right edge of %s", panel.path("title")).isLessThanOrEqualTo(24);
      for (int[] other : placed) {
        boolean overlaps =
            x < other[0] + other[2]
                && other[0] < x + w
                && y < other[1] + other[3]
                && other[1] < y + h;
        assertThat(overlaps).as("%s overlaps another panel", panel.path("title")).isFalse();
      }
      placed.add(new int[] {x, y, w, h});
    }
  }

  @Test
  void givesEveryDashboardItsOwnUidAndTitle() {
    Set<String> uids = new HashSet<>();
    Set<String> titles = new HashSet<>();
    for (Dashboard dashboard : dashboards()) {
      assertThat(uids.add(dashboard.json().path("uid").asString()))
          .as("uid of %s", dashboard)
          .isTrue();
      assertThat(titles.add(dashboard.json().path("title").asString()))
          .as("title of %s", dashboard)
          .isTrue();
    }
  }

  @Test
  void writesEveryQueryInValidPromQl(@TempDir Path dir) throws IOException {
    // promtool parses rule expressions: each query becomes a recording rule, with Grafana's
    // variables replaced by values Prometheus accepts.
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
    int count = 0;
    for (Dashboard dashboard : dashboards()) {
      for (String expression : dashboard.expressions()) {
        String concrete =
            expression
                .replace("$__rate_interval", "1m")
                .replace("$__range", "6h")
                .replace("$application", ".*")
                .replace("$instance", ".*");
        rules
            .append("      - record: dashboard:query:")
            .append(count++)
            .append("\n        expr: '")
            .append(concrete.replace("'", "''"))
            .append("'\n");
      }
    }
    Path file = dir.resolve("dashboard-queries.yml");
    Files.writeString(file, rules);

    Run run = DebianTool.PROMTOOL.run(dir, "check", "rules", file.toString());

    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertThat(run.output()).contains("SUCCESS: " + count + " rules found");
  }
}
