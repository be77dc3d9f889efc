package dev.flowlet.ops.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.ops.Repository;
import dev.flowlet.ops.debian.DebianTool;
import dev.flowlet.ops.debian.DebianTool.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** promtool's own checks of the rules, the configuration and the rules' unit tests. */
class PromtoolTest {

  private final Path prometheus = Repository.monitoring("prometheus");

  @Test
  void acceptsEveryRuleFile() {
    List<String> arguments = new ArrayList<>(List.of("check", "rules"));
    RuleFiles.files().forEach(file -> arguments.add(file.toString()));

    Run run = DebianTool.PROMTOOL.run(prometheus, arguments.toArray(String[]::new));

    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertThat(run.output()).doesNotContain("FAILED");
  }

  @Test
  void acceptsThePrometheusConfigurationAndTheRulesItLoads() {
    Run run = DebianTool.PROMTOOL.run(prometheus, "check", "config", "prometheus.yml");

    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertThat(run.output()).contains("SUCCESS: " + RuleFiles.files().size() + " rule files found");
  }

  @Test
  void passesEveryAlertUnitTest() {
    List<String> arguments = new ArrayList<>(List.of("test", "rules"));
    AlertUnitTests.files().forEach(file -> arguments.add(file.toString()));

    Run run = DebianTool.PROMTOOL.run(prometheus, arguments.toArray(String[]::new));

    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertThat(run.output()).doesNotContain("FAILED");
  }

  @Test
  void failsAUnitTestThatExpectsAnAlertWhichDoesNotFire(@TempDir Path dir) throws IOException {
    Path test = dir.resolve("wrong-test.yml");
    Files.writeString(
        test,
        """
        rule_files:
          - %s
        evaluation_interval: 1m
        tests:
          - interval: 1m
            input_series:
              - series: 'up{job="flowlet-api", instance="127.0.0.1:5001"}'
                values: '1x10'
            alert_rule_test:
              - eval_time: 10m
                alertname: FlowletAppDown
                exp_alerts:
                  - exp_labels: {severity: critical, component: availability, job: flowlet-api, instance: "127.0.0.1:5001"}
        """
            .formatted(RuleFiles.folder().resolve("availability.yml")));

    Run run = DebianTool.PROMTOOL.run(dir, "test", "rules", test.toString());

    assertThat(run.succeeded()).as(run.describe()).isFalse();
    assertThat(run.output()).contains("FAILED");
  }
}
