package dev.flowlet.ops.prometheus;

import dev.flowlet.ops.Repository;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The promtool unit tests of {@code prometheus/tests}, read as data: which alerts they expect to
 * fire, which to stay quiet, and which rule files they load.
 *
 * @param fired alert names some test expects to fire
 * @param quiet alert names some test expects not to fire
 * @param loadedRuleFiles the rule files the tests load, as absolute paths
 */
record AlertUnitTests(Set<String> fired, Set<String> quiet, Set<Path> loadedRuleFiles) {

  static Path folder() {
    return Repository.monitoring("prometheus/tests");
  }

  static List<Path> files() {
    return RuleFiles.yamlFilesIn(folder());
  }

  static AlertUnitTests load() {
    Set<String> fired = new TreeSet<>();
    Set<String> quiet = new TreeSet<>();
    Set<Path> loaded = new TreeSet<>();
    for (Path file : files()) {
      Map<String, Object> document = RuleFiles.readYaml(file);
      for (Object ruleFile : (List<?>) document.getOrDefault("rule_files", List.of())) {
        loaded.add(file.getParent().resolve(String.valueOf(ruleFile)).normalize());
      }
      for (Map<String, Object> test : RuleFiles.listOfMaps(document.get("tests"))) {
        for (Map<String, Object> check : RuleFiles.listOfMaps(test.get("alert_rule_test"))) {
          String alert = String.valueOf(check.get("alertname"));
          List<?> expected = (List<?>) check.get("exp_alerts");
          (expected == null || expected.isEmpty() ? quiet : fired).add(alert);
        }
      }
    }
    return new AlertUnitTests(fired, quiet, loaded);
  }
}
