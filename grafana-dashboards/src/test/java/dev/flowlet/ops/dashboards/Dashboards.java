package dev.flowlet.ops.dashboards;

import dev.flowlet.ops.Repository;
import dev.flowlet.ops.metrics.PromQl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Grafana dashboards of {@code dashboards/*.json}, parsed.
 *
 * @param dashboards one per file, sorted by file name
 */
public record Dashboards(List<Dashboard> dashboards) {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * One dashboard file.
   *
   * @param file the JSON file
   * @param json its content
   */
  public record Dashboard(Path file, JsonNode json) {

    /** Every panel, with the panels nested in collapsed rows. */
    public List<JsonNode> panels() {
      List<JsonNode> panels = new ArrayList<>();
      for (JsonNode panel : json.path("panels")) {
        panels.add(panel);
        for (JsonNode nested : panel.path("panels")) {
          panels.add(nested);
        }
      }
      return panels;
    }

    /** The PromQL of every panel query. */
    public List<String> expressions() {
      List<String> expressions = new ArrayList<>();
      for (JsonNode panel : panels()) {
        for (JsonNode target : panel.path("targets")) {
          expressions.add(target.path("expr").asString());
        }
      }
      return expressions;
    }

    /** The query variables' queries. */
    public List<String> variableQueries() {
      List<String> queries = new ArrayList<>();
      for (JsonNode variable : json.path("templating").path("list")) {
        if (variable.path("type").asString().equals("query")) {
          JsonNode query = variable.path("query");
          queries.add(query.isObject() ? query.path("query").asString() : query.asString());
        }
      }
      return queries;
    }

    /** Every metric name the dashboard reads. */
    public Set<String> metricNames() {
      Set<String> names = new TreeSet<>();
      expressions().forEach(expression -> names.addAll(PromQl.metricNames(expression)));
      variableQueries().forEach(query -> names.addAll(PromQl.metricNamesOfVariableQuery(query)));
      return names;
    }

    @Override
    public String toString() {
      return file.getFileName().toString();
    }
  }

  /** The dashboards folder. */
  public static Path folder() {
    return Repository.monitoring("dashboards");
  }

  /** Parses every dashboard file. */
  public static Dashboards load() {
    try (Stream<Path> files = Files.list(folder())) {
      return new Dashboards(
          files
              .filter(file -> file.toString().endsWith(".json"))
              .sorted()
              .map(file -> new Dashboard(file, JSON.readTree(file.toFile())))
              .toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every metric name any dashboard reads. */
  public Set<String> metricNames() {
    Set<String> names = new TreeSet<>();
    dashboards.forEach(dashboard -> names.addAll(dashboard.metricNames()));
    return names;
  }
}
