package dev.flowlet.api.attacks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a plausible, valid request body from an operation's schema, naming the fixtures where a
 * field refers to one, so that a refused write is one that would have changed something had it been
 * let through. A field the test names in {@code overrides} gets that value instead.
 */
final class RequestBodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ApiOperations document;
  private final Map<String, String> byName;

  RequestBodies(ApiOperations document, Fixtures fixtures) {
    this.document = document;
    this.byName =
        Map.ofEntries(
            Map.entry("customerId", fixtures.customer()),
            Map.entry("accountId", fixtures.account()),
            Map.entry("transactionId", fixtures.transaction()),
            Map.entry("email", "attack.probe@example.com"),
            Map.entry("country", "GB"),
            Map.entry("currency", "EUR"),
            Map.entry("amount", "10.00"),
            Map.entry("name", "Attack Probe Ltd"),
            Map.entry("username", "attack-nobody"),
            Map.entry("password", "not-the-password-1234"),
            Map.entry("refresh_token", "not-a-refresh-token"),
            Map.entry("deviceId", "device-attack"),
            Map.entry("rule", "VELOCITY_COUNT"),
            Map.entry("reason", "Attack suite probe, harmless"),
            Map.entry("note", "Attack suite probe, harmless"),
            Map.entry("text", "Attack suite probe, harmless"),
            Map.entry("assignee", "demo-officer"));
  }

  /** The body for an operation, or null when it takes none. */
  String body(ApiOperations.Operation operation, Map<String, String> overrides) {
    JsonNode schema = operation.bodySchema();
    return schema == null ? null : value("", schema, overrides, 0).toString();
  }

  private JsonNode value(
      String name, JsonNode schemaRef, Map<String, String> overrides, int depth) {
    JsonNode schema = document.resolve(schemaRef);
    if (overrides.containsKey(name)) {
      return NODES.stringNode(overrides.get(name));
    }
    if (schema.has("allOf") || schema.has("oneOf") || schema.has("anyOf")) {
      JsonNode first = schema.path("allOf").path(0);
      first = first.isMissingNode() ? schema.path("oneOf").path(0) : first;
      first = first.isMissingNode() ? schema.path("anyOf").path(0) : first;
      return value(name, first, overrides, depth + 1);
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    String type = schema.path("type").asString("");
    if (type.isEmpty() && schema.path("type").isArray()) {
      type = schema.path("type").get(0).asString();
    }
    if (type.isEmpty() && schema.has("properties")) {
      type = "object";
    }
    return switch (type) {
      case "object" -> object(schema, overrides, depth);
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        if (depth < 6) {
          array.add(value(name, schema.path("items"), overrides, depth + 1));
        }
        yield array;
      }
      case "integer" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
      case "number" -> NODES.numberNode(Math.max(1, schema.path("minimum").asLong(1)));
      case "boolean" -> NODES.booleanNode(false);
      default -> NODES.stringNode(text(name, schema));
    };
  }

  private ObjectNode object(JsonNode schema, Map<String, String> overrides, int depth) {
    ObjectNode object = NODES.objectNode();
    if (depth > 6) {
      return object;
    }
    JsonNode required = schema.path("required");
    schema
        .path("properties")
        .properties()
        .forEach(
            property -> {
              String field = property.getKey();
              boolean isRequired = required.valueStream().anyMatch(r -> r.asString().equals(field));
              boolean isObject =
                  "object".equals(document.resolve(property.getValue()).path("type").asString());
              if (isRequired
                  || byName.containsKey(field)
                  || overrides.containsKey(field)
                  || (isObject && !field.equals("parameters"))) {
                object.set(field, value(field, property.getValue(), overrides, depth + 1));
              }
            });
    return object;
  }

  private String text(String name, JsonNode schema) {
    if (byName.containsKey(name)) {
      return byName.get(name);
    }
    return switch (schema.path("format").asString("")) {
      case "uuid" -> UUID.randomUUID().toString();
      case "date-time" -> Instant.now().minus(1, ChronoUnit.HOURS).toString();
      case "date" -> LocalDate.now().minusDays(1).toString();
      case "email" -> "attack.probe@example.com";
      default -> "attack-probe";
    };
  }

  /**
   * Names of the string properties (at any depth) that take free text: no format, enum or pattern.
   */
  Set<String> freeTextFields(JsonNode schemaRef, int depth) {
    Set<String> fields = new LinkedHashSet<>();
    JsonNode schema = document.resolve(schemaRef);
    if (depth > 5) {
      return fields;
    }
    schema
        .path("properties")
        .properties()
        .forEach(
            property -> {
              JsonNode value = document.resolve(property.getValue());
              String type = value.path("type").asString("");
              if (type.equals("string")
                  && !value.has("format")
                  && !value.has("enum")
                  && !value.has("pattern")) {
                fields.add(property.getKey());
              } else if (type.equals("object") || value.has("properties")) {
                fields.addAll(freeTextFields(value, depth + 1));
              }
            });
    return fields;
  }
}
