package dev.flowlet.elastic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The field paths a composed mapping defines, with their types: object properties, multi-fields
 * ({@code detail.keyword}), and open sub-paths (any key under a {@code flattened} field, or under a
 * {@code path_match} dynamic template).
 */
final class MappedFields {

  private final Map<String, String> exact = new LinkedHashMap<>();
  private final Map<String, String> openPrefixes = new LinkedHashMap<>();
  private String dynamic = "true";

  private MappedFields() {}

  static MappedFields of(List<JsonNode> mappings) {
    MappedFields fields = new MappedFields();
    for (JsonNode mapping : mappings) {
      if (mapping.has("dynamic")) {
        fields.dynamic = mapping.get("dynamic").asString();
      }
      fields.addProperties("", mapping.path("properties"));
      for (JsonNode entry : mapping.path("dynamic_templates")) {
        for (JsonNode template : entry) {
          String pathMatch = template.path("path_match").asString("");
          if (pathMatch.endsWith(".*")) {
            fields.openPrefixes.put(
                pathMatch.substring(0, pathMatch.length() - 2),
                template.path("mapping").path("type").asString("object"));
          }
        }
      }
    }
    return fields;
  }

  private void addProperties(String prefix, JsonNode properties) {
    for (var property : properties.properties()) {
      String path = prefix + property.getKey();
      JsonNode definition = property.getValue();
      String type = definition.path("type").asString("object");
      exact.put(path, type);
      if (type.equals("flattened")) {
        openPrefixes.put(path, "flattened");
      }
      for (var multiField : definition.path("fields").properties()) {
        exact.put(path + "." + multiField.getKey(), multiField.getValue().path("type").asString());
      }
      addProperties(path + ".", definition.path("properties"));
    }
  }

  /** The type of that path, if the mapping defines it. */
  Optional<String> typeOf(String path) {
    if (exact.containsKey(path)) {
      return Optional.of(exact.get(path));
    }
    return openPrefixes.entrySet().stream()
        .filter(open -> path.startsWith(open.getKey() + "."))
        .map(Map.Entry::getValue)
        .findFirst();
  }

  /** The root {@code dynamic} setting: {@code strict}, {@code false} or {@code true}. */
  String dynamic() {
    return dynamic;
  }

  /** Every explicitly mapped path with its type. */
  Map<String, String> all() {
    return Map.copyOf(exact);
  }
}
