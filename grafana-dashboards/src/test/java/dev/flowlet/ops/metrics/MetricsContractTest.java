package dev.flowlet.ops.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.ops.dashboards.Dashboards;
import dev.flowlet.ops.metrics.MetricsContract.Metric;
import dev.flowlet.ops.metrics.MetricsContract.Source;
import dev.flowlet.ops.prometheus.RuleFiles;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class MetricsContractTest {

  /** The names the apps promised to export (Flowlet issue 9): dropping one breaks the contract. */
  private static final Set<String> PROMISED =
      Set.of(
          "flowlet_outbox_backlog",
          "flowlet_outbox_oldest_age_seconds",
          "flowlet_rule_hits_total",
          "flowlet_decisions_total",
          "flowlet_alerts_raised_total",
          "flowlet_dlq_records_total",
          "flowlet_sink_indexed_total",
          "flowlet_sink_failures_total",
          "flowlet_auth_login_failures_total",
          "flowlet_auth_lockouts_total",
          "flowlet_rate_limit_rejections_total",
          "flowlet_alerts_open",
          "flowlet_alerts_oldest_open_age_seconds",
          "flowlet_backup_last_success_timestamp_seconds",
          "flowlet_backup_last_verified_timestamp_seconds",
          "flowlet_backup_restore_seconds",
          "flowlet_reconciliation_breaks_total",
          "flowlet_reconciliation_last_run_status",
          "flowlet_audit_chain_breaks_total",
          "flowlet_audit_chain_last_verified_timestamp_seconds",
          "flowlet_batch_jobs_crash_resumed_total");

  /** Label names allowed on Flowlet's metrics: small fixed sets, never personal data. */
  private static final Set<String> ALLOWED_FLOWLET_LABELS =
      Set.of("rule", "outcome", "severity", "source", "index", "route_group", "job_name");

  private final MetricsContract contract = MetricsContract.load();

  @Test
  void listsExactlyTheFlowletMetricsTheAppsPromised() {
    assertThat(contract.names(Source.FLOWLET)).containsExactlyInAnyOrderElementsOf(PROMISED);
  }

  @Test
  void listsTheStandardMetricsTheRulesAndDashboardsRelyOn() {
    assertThat(contract.names(Source.STANDARD))
        .contains(
            "http_server_requests_seconds_count",
            "http_server_requests_seconds_bucket",
            "hikaricp_connections_timeout_total",
            "hikaricp_connections_pending",
            "jvm_memory_used_bytes",
            "process_cpu_usage",
            "disk_free_bytes",
            "kafka_consumer_fetch_manager_records_lag_max",
            "spring_batch_job_seconds_count");
    assertThat(contract.names(Source.PROMETHEUS)).containsExactly("up");
  }

  @Test
  void namesCountersWithTotalAndNothingElse() {
    for (Metric metric : contract.metrics()) {
      if (metric.type().equals("counter")) {
        assertThat(metric.name()).as("counter %s", metric.name()).endsWith("_total");
      } else if (metric.type().equals("gauge")) {
        assertThat(metric.name()).as("gauge %s", metric.name()).doesNotEndWith("_total");
      }
    }
  }

  @Test
  void labelsFlowletMetricsOnlyWithSmallFixedSetsThatHoldNoPersonalData() {
    for (Metric metric : contract.metrics()) {
      if (metric.source() == Source.FLOWLET) {
        assertThat(metric.labels())
            .as("labels of %s", metric.name())
            .isSubsetOf(ALLOWED_FLOWLET_LABELS);
      }
    }
  }

  @Test
  void showsOrAlertsOnEveryFlowletMetric() {
    Set<String> used = new TreeSet<>(Dashboards.load().metricNames());
    used.addAll(RuleFiles.load().metricNames());
    assertThat(used).containsAll(contract.names(Source.FLOWLET));
  }
}
