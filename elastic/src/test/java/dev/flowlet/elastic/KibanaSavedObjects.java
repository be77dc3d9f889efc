package dev.flowlet.elastic;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** {@code kibana/flowlet.ndjson} read line by line, as Kibana's import reads it. */
record KibanaSavedObjects(List<JsonNode> objects, JsonNode exportSummary) {

  static final String RESOURCE = "/kibana/flowlet.ndjson";

  private static final Pattern QUOTED = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_@][\\w.@]*)\\s*:");
  private static final Pattern SCRIPT_FIELD = Pattern.compile("doc\\['([^']+)'\\]");

  static KibanaSavedObjects load() {
    List<JsonNode> lines = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                KibanaSavedObjects.class.getResourceAsStream(RESOURCE), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank()) {
          lines.add(ShippedTemplates.JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    JsonNode last = lines.getLast();
    if (!last.has("exportedCount")) {
      throw new AssertionError("An _export file ends with its summary line");
    }
    return new KibanaSavedObjects(lines.subList(0, lines.size() - 1), last);
  }

  List<JsonNode> ofType(String type) {
    return objects.stream().filter(o -> o.path("type").asString().equals(type)).toList();
  }

  Optional<JsonNode> find(String type, String id) {
    return ofType(type).stream().filter(o -> o.path("id").asString().equals(id)).findFirst();
  }

  /** A string attribute that holds JSON ({@code searchSourceJSON}, {@code panelsJSON}, ...). */
  static JsonNode embedded(JsonNode node) {
    return ShippedTemplates.JSON.readTree(node.asString());
  }

  static JsonNode searchSource(JsonNode savedObject) {
    return embedded(savedObject.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON"));
  }

  /** The data view a saved search reads, through its {@code indexRefName} reference. */
  JsonNode dataViewOf(JsonNode search) {
    String refName = searchSource(search).path("indexRefName").asString();
    for (JsonNode reference : search.path("references")) {
      if (reference.path("name").asString().equals(refName)) {
        return find(reference.path("type").asString(), reference.path("id").asString())
            .orElseThrow(() -> new AssertionError("Missing " + reference));
      }
    }
    throw new AssertionError(search.path("id").asString() + " has no reference " + refName);
  }

  /** Field names a KQL query puts before a colon (quoted values left out). */
  static List<String> kqlFields(String query) {
    Matcher matcher = KQL_FIELD.matcher(QUOTED.matcher(query).replaceAll("\"\""));
    List<String> fields = new ArrayList<>();
    while (matcher.find()) {
      fields.add(matcher.group(1));
    }
    return fields;
  }

  /** Fields a Painless script reads through {@code doc['...']}. */
  static List<String> scriptFields(String script) {
    Matcher matcher = SCRIPT_FIELD.matcher(script);
    List<String> fields = new ArrayList<>();
    while (matcher.find()) {
      fields.add(matcher.group(1));
    }
    return fields;
  }
}
