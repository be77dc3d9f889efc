package dev.flowlet.elastic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The template resources as shipped, read the way Elasticsearch composes them. */
final class ShippedTemplates {

  static final JsonMapper JSON = JsonMapper.builder().build();

  static final List<String> INDEX_TEMPLATES =
      List.of("flowlet-audit", "flowlet-decisions", "flowlet-alerts");

  private ShippedTemplates() {}

  static JsonNode indexTemplate(String name) {
    return resource("/elastic/index-templates/" + name + ".json");
  }

  static JsonNode componentTemplate(String name) {
    return resource("/elastic/component-templates/" + name + ".json");
  }

  static JsonNode retentionPolicy() {
    return resource("/elastic/ilm/flowlet-audit-retention.json");
  }

  /** The fields an index created from that template has: its components' then its own. */
  static MappedFields fieldsOf(String indexTemplate) {
    JsonNode template = indexTemplate(indexTemplate);
    List<JsonNode> mappings = new ArrayList<>();
    for (JsonNode component : template.path("composed_of")) {
      mappings.add(componentTemplate(component.asString()).path("template").path("mappings"));
    }
    mappings.add(template.path("template").path("mappings"));
    return MappedFields.of(mappings);
  }

  /** The index template whose indices join that read alias. */
  static String templateReadThrough(String alias) {
    for (String name : INDEX_TEMPLATES) {
      if (indexTemplate(name).path("template").path("aliases").has(alias)) {
        return name;
      }
    }
    throw new AssertionError("No shipped index template gives its indices the alias " + alias);
  }

  /** Each index template's read alias. */
  static Map<String, String> aliases() {
    return Map.of(
        "flowlet-audit", "flowlet-audit",
        "flowlet-decisions", "flowlet-decisions",
        "flowlet-alerts", "flowlet-alerts");
  }

  static JsonNode resource(String path) {
    try (InputStream in = ShippedTemplates.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new AssertionError("Missing resource " + path);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
