package dev.flowlet.ops.prometheus;

import dev.flowlet.ops.Repository;
import dev.flowlet.ops.metrics.PromQl;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * The Prometheus rule files of {@code prometheus/rules}, read as data so that tests can check what
 * promtool does not: severities, runbooks, metric names, test coverage.
 *
 * @param rules every alerting and recording rule, in file order
 */
public record RuleFiles(List<Rule> rules) {

  /**
   * One rule.
   *
   * @param file the rule file
   * @param name the alert name, or the recorded metric name
   * @param alert whether it is an alerting rule (otherwise a recording rule)
   * @param expression its PromQL
   * @param labels its labels
   * @param annotations its annotations (alerts only)
   */
  public record Rule(
      Path file,
      String name,
      boolean alert,
      String expression,
      Map<String, String> labels,
      Map<String, String> annotations) {}

  /** The rules folder. */
  public static Path folder() {
    return Repository.monitoring("prometheus/rules");
  }

  /** The rule files, sorted. */
  public static List<Path> files() {
    return yamlFilesIn(folder());
  }

  /** Reads every rule file. */
  public static RuleFiles load() {
    List<Rule> rules = new ArrayList<>();
    for (Path file : files()) {
      Map<String, Object> document = readYaml(file);
      for (Map<String, Object> group : listOfMaps(document.get("groups"))) {
        for (Map<String, Object> rule : listOfMaps(group.get("rules"))) {
          boolean alert = rule.containsKey("alert");
          rules.add(
              new Rule(
                  file,
                  String.valueOf(alert ? rule.get("alert") : rule.get("record")),
                  alert,
                  String.valueOf(rule.get("expr")),
                  stringMap(rule.get("labels")),
                  stringMap(rule.get("annotations"))));
        }
      }
    }
    return new RuleFiles(List.copyOf(rules));
  }

  /** The alerting rules. */
  public List<Rule> alerts() {
    return rules.stream().filter(Rule::alert).toList();
  }

  /** The names recording rules write. */
  public Set<String> recordedNames() {
    Set<String> names = new TreeSet<>();
    rules.stream().filter(rule -> !rule.alert()).forEach(rule -> names.add(rule.name()));
    return names;
  }

  /** Every metric name the rules read. */
  public Set<String> metricNames() {
    Set<String> names = new TreeSet<>();
    rules.forEach(rule -> names.addAll(PromQl.metricNames(rule.expression())));
    return names;
  }

  static List<Path> yamlFilesIn(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".yml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, Object> readYaml(Path file) {
    try (Reader reader = Files.newBufferedReader(file)) {
      Map<String, Object> document = new Yaml().load(reader);
      return document == null ? Map.of() : document;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> listOfMaps(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, String> stringMap(Object value) {
    Map<String, String> result = new LinkedHashMap<>();
    if (value != null) {
      ((Map<String, Object>) value).forEach((key, item) -> result.put(key, String.valueOf(item)));
    }
    return result;
  }
}
