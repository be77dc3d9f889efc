package dev.flowlet.ops.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.ops.Repository;
import dev.flowlet.ops.metrics.MetricsContract;
import dev.flowlet.ops.metrics.PromQl;
import dev.flowlet.ops.prometheus.RuleFiles.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What promtool does not check: runbooks, severities, contract metrics, test coverage. */
class AlertRulesTest {

  /** The production guide's alert list, as alert names (Flowlet issue 9). */
  private static final Set<String> REQUIRED_ALERTS =
      Set.of(
          "FlowletAppDown",
          "FlowletHttpServerErrors",
          "FlowletSlowResponses",
          "FlowletDbConnectionTimeouts",
          "FlowletDbPoolPending",
          "FlowletDbSlowQueries",
          "FlowletFailedLoginBurst",
          "FlowletAccountLockouts",
          "FlowletHighCpu",
          "FlowletHeapPressure",
          "FlowletDiskSpaceLow",
          "FlowletDiskSpaceCritical",
          "FlowletConsumerLag",
          "FlowletOutboxStalled",
          "FlowletOutboxBacklog",
          "FlowletDeadLetters",
          "FlowletSinkFailures",
          "FlowletBackupStale",
          "FlowletBackupVerificationStale",
          "FlowletBackupVerificationFailed",
          "FlowletRestoreOverRto",
          "FlowletBatchJobFailed",
          "FlowletReconciliationFailed",
          "FlowletAuditChainBroken",
          "FlowletHighAlertUnattended");

  private final RuleFiles rules = RuleFiles.load();

  @Test
  void coversTheProductionGuideAlertList() {
    assertThat(rules.alerts()).extracting(Rule::name).containsAll(REQUIRED_ALERTS);
  }

  @Test
  void namesEveryAlertOnce() {
    Set<String> seen = new HashSet<>();
    for (Rule alert : rules.alerts()) {
      assertThat(seen.add(alert.name())).as("alert %s defined twice", alert.name()).isTrue();
    }
  }

  @Test
  void givesEveryAlertASeverityAComponentASummaryAndARunbook() {
    for (Rule alert : rules.alerts()) {
      assertThat(alert.labels())
          .as("labels of %s", alert.name())
          .containsKey("component")
          .hasEntrySatisfying(
              "severity", severity -> assertThat(severity).isIn("critical", "warning"));
      assertThat(alert.annotations().get("summary")).as("summary of %s", alert.name()).isNotBlank();
      // A runbook-style description says what broke, what it means, and what to check.
      assertThat(alert.annotations().get("description"))
          .as("description of %s", alert.name())
          .isNotNull()
          .hasSizeGreaterThan(150);
    }
  }

  @Test
  void readsOnlyMetricsOfTheContract() {
    Set<String> allowed = new TreeSet<>(MetricsContract.load().names());
    allowed.addAll(rules.recordedNames());
    for (Rule rule : rules.rules()) {
      assertThat(PromQl.metricNames(rule.expression()))
          .as("metrics read by %s (add new ones to METRICS.md first)", rule.name())
          .isNotEmpty()
          .isSubsetOf(allowed);
    }
  }

  @Test
  void hasAUnitTestThatFiresAndOneThatStaysQuietForEveryAlert() {
    AlertUnitTests tests = AlertUnitTests.load();
    List<String> alerts = rules.alerts().stream().map(Rule::name).toList();

    assertThat(tests.fired()).as("alerts some test expects to fire").containsAll(alerts);
    assertThat(tests.quiet()).as("alerts some test expects to stay quiet").containsAll(alerts);
  }

  @Test
  void loadsEveryRuleFileInSomeUnitTest() {
    assertThat(AlertUnitTests.load().loadedRuleFiles())
        .containsAll(RuleFiles.files().stream().map(Path::normalize).toList());
  }

  @Test
  @SuppressWarnings("unchecked")
  void scrapesTheThreeAppsAtMetricsAndLoadsTheRules() throws Exception {
    Path prometheus = Repository.monitoring("prometheus");
    Map<String, Object> config = RuleFiles.readYaml(prometheus.resolve("prometheus.yml"));
    Map<String, String> portsNotScraped =
        new HashMap<>(
            Map.of(
                "flowlet-api", "5001",
                "flowlet-streams-processor", "5002",
                "flowlet-batch-jobs", "5003"));

    assertThat((List<String>) config.get("rule_files")).containsExactly("rules/*.yml");
    for (Map<String, Object> job : RuleFiles.listOfMaps(config.get("scrape_configs"))) {
      String name = String.valueOf(job.get("job_name"));
      String port = portsNotScraped.remove(name);
      if (port == null) {
        continue;
      }
      assertThat(job.get("metrics_path")).as("metrics path of %s", name).isEqualTo("/metrics");
      assertThat(String.valueOf(job.get("file_sd_configs"))).contains("targets/" + name + ".yml");
      assertThat(Files.readString(prometheus.resolve("targets").resolve(name + ".yml")))
          .contains("127.0.0.1:" + port);
    }
    assertThat(portsNotScraped).as("apps without a scrape job").isEmpty();
  }
}
