package dev.flowlet.elastic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class KibanaSavedObjectsTest {

  private final KibanaSavedObjects saved = KibanaSavedObjects.load();

  @Test
  void endsWithAnExportSummaryThatCountsEveryObjectAndMissesNothing() {
    assertThat(saved.exportSummary().path("exportedCount").asInt())
        .isEqualTo(saved.objects().size());
    assertThat(saved.exportSummary().path("missingRefCount").asInt()).isZero();
    assertThat(saved.objects())
        .extracting(o -> o.path("type").asString() + "/" + o.path("id").asString())
        .doesNotHaveDuplicates();
  }

  @Test
  void everyReferenceNamesAnObjectInTheFile() {
    for (JsonNode object : saved.objects()) {
      for (JsonNode reference : object.path("references")) {
        assertThat(saved.find(reference.path("type").asString(), reference.path("id").asString()))
            .as("%s references %s", object.path("id").asString(), reference)
            .isPresent();
      }
    }
  }

  @Test
  void dataViewsReadTheThreeReadAliasesByTheirEventTime() {
    Map<String, String> timeFields =
        Map.of(
            "flowlet-audit", "occurredAt",
            "flowlet-decisions", "decidedAt",
            "flowlet-alerts", "raisedAt");
    List<JsonNode> views = saved.ofType("index-pattern");

    assertThat(views)
        .extracting(v -> v.at("/attributes/title").asString())
        .containsExactlyInAnyOrderElementsOf(timeFields.keySet());
    for (JsonNode view : views) {
      String alias = view.at("/attributes/title").asString();
      String timeField = view.at("/attributes/timeFieldName").asString();
      assertThat(timeField).as(alias).isEqualTo(timeFields.get(alias));
      assertThat(fieldsBehind(view).typeOf(timeField)).as(alias).hasValue("date");
    }
  }

  @Test
  void everySavedSearchReadsADataViewOfTheFile() {
    assertThat(saved.ofType("search")).hasSize(5);
    for (JsonNode search : saved.ofType("search")) {
      assertThat(saved.dataViewOf(search).path("type").asString()).isEqualTo("index-pattern");
    }
  }

  @Test
  void everyFieldASearchShowsSortsQueriesOrFiltersOnIsMapped() {
    for (JsonNode search : saved.ofType("search")) {
      JsonNode view = saved.dataViewOf(search);
      List<String> used = new ArrayList<>();
      search.at("/attributes/columns").forEach(c -> used.add(c.asString()));
      search.at("/attributes/sort").forEach(s -> used.add(s.get(0).asString()));
      JsonNode source = KibanaSavedObjects.searchSource(search);
      used.addAll(KibanaSavedObjects.kqlFields(source.at("/query/query").asString()));
      for (JsonNode filter : source.path("filter")) {
        used.add(filter.at("/meta/key").asString());
      }

      assertThat(used)
          .as("fields of %s", search.path("id").asString())
          .isNotEmpty()
          .allSatisfy(field -> assertThat(typeIn(view, field)).as(field).isPresent());
    }
  }

  @Test
  void wildcardQueriesMatchKeywordFields() {
    for (JsonNode search : saved.ofType("search")) {
      String query = KibanaSavedObjects.searchSource(search).at("/query/query").asString();
      if (query.contains("*")) {
        for (String field : KibanaSavedObjects.kqlFields(query)) {
          assertThat(typeIn(saved.dataViewOf(search), field)).as(query).hasValue("keyword");
        }
      }
    }
  }

  @Test
  void runtimeFieldsReadOnlyMappedKeywords() {
    for (JsonNode view : saved.ofType("index-pattern")) {
      JsonNode runtime = KibanaSavedObjects.embedded(view.at("/attributes/runtimeFieldMap"));
      for (JsonNode field : runtime) {
        List<String> read = KibanaSavedObjects.scriptFields(field.at("/script/source").asString());
        assertThat(read)
            .isNotEmpty()
            .allSatisfy(f -> assertThat(fieldsBehind(view).typeOf(f)).as(f).hasValue("keyword"));
      }
    }
  }

  @Test
  void shipsTheSearchesAComplianceOfficerNeeds() {
    assertThat(query("flowlet-cardholder-data-access")).isEqualTo("action:cardholder_data.*");
    assertThat(query("flowlet-rule-changes")).isEqualTo("action:rule.*");
    assertThat(KibanaSavedObjects.kqlFields(query("flowlet-actor-activity")))
        .containsExactly("actor");
    assertThat(KibanaSavedObjects.kqlFields(query("flowlet-data-subject-activity")))
        .containsExactly("subjectId");
    assertThat(query("flowlet-open-alerts-by-severity")).isEqualTo("not status:CLOSED");
    assertThat(
            saved
                .find("search", "flowlet-open-alerts-by-severity")
                .orElseThrow()
                .at("/attributes/sort/0/0")
                .asString())
        .isEqualTo("severityRank");
  }

  @Test
  void investigationDashboardEmbedsEverySavedSearchWithoutOverlappingPanels() {
    JsonNode dashboard = saved.find("dashboard", "flowlet-investigation").orElseThrow();
    JsonNode panels = KibanaSavedObjects.embedded(dashboard.at("/attributes/panelsJSON"));
    Set<String> embedded = new HashSet<>();
    Set<String> cells = new HashSet<>();
    for (JsonNode panel : panels) {
      String refName =
          panel.path("panelIndex").asString() + ":" + panel.path("panelRefName").asString();
      JsonNode reference =
          referenceNamed(dashboard, refName).orElseThrow(() -> new AssertionError(refName));
      assertThat(reference.path("type").asString()).isEqualTo("search");
      embedded.add(reference.path("id").asString());
      JsonNode grid = panel.path("gridData");
      assertThat(grid.path("x").asInt() + grid.path("w").asInt()).isLessThanOrEqualTo(48);
      for (int x = grid.path("x").asInt();
          x < grid.path("x").asInt() + grid.path("w").asInt();
          x++) {
        for (int y = grid.path("y").asInt();
            y < grid.path("y").asInt() + grid.path("h").asInt();
            y++) {
          assertThat(cells.add(x + "," + y)).as("panel %s overlaps another", refName).isTrue();
        }
      }
    }

    assertThat(embedded)
        .containsExactlyInAnyOrderElementsOf(
            saved.ofType("search").stream().map(s -> s.path("id").asString()).toList());
  }

  private String query(String searchId) {
    return KibanaSavedObjects.searchSource(saved.find("search", searchId).orElseThrow())
        .at("/query/query")
        .asString();
  }

  private static Optional<JsonNode> referenceNamed(JsonNode object, String name) {
    for (JsonNode reference : object.path("references")) {
      if (reference.path("name").asString().equals(name)) {
        return Optional.of(reference);
      }
    }
    return Optional.empty();
  }

  private static MappedFields fieldsBehind(JsonNode view) {
    return ShippedTemplates.fieldsOf(
        ShippedTemplates.templateReadThrough(view.at("/attributes/title").asString()));
  }

  /** A mapped field of the data view's indices, or one of its runtime fields. */
  private static Optional<String> typeIn(JsonNode view, String field) {
    JsonNode runtime = KibanaSavedObjects.embedded(view.at("/attributes/runtimeFieldMap"));
    if (runtime.has(field)) {
      return Optional.of(runtime.path(field).path("type").asString());
    }
    return fieldsBehind(view).typeOf(field);
  }
}
