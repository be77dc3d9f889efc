package dev.flowlet.api.attacks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Turns an operation's path template into concrete paths: its variables filled with the fixtures'
 * real ids, with ids that exist nowhere, or (for a resource nested under a customer) with the first
 * customer and the other customer's resource. Required query parameters get plausible values.
 */
final class Targets {

  /** Which ids fill the path variables. */
  enum Ids {
    /** The fixtures' real ids. */
    EXISTING,
    /** Ids of nothing. */
    MISSING,
    /** A customer's path naming another customer's resource. */
    OTHER_CUSTOMERS
  }

  private final Fixtures fixtures;

  Targets(Fixtures fixtures) {
    this.fixtures = fixtures;
  }

  /** The concrete path, or empty when {@code ids} does not apply to the template. */
  Optional<String> path(ApiOperations.Operation operation, Ids ids) {
    String[] segments = operation.template().split("/");
    boolean underCustomer = false;
    boolean crossed = false;
    List<String> filled = new ArrayList<>();
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (!segment.startsWith("{")) {
        filled.add(segment);
        continue;
      }
      String variable = segment.substring(1, segment.length() - 1);
      String collection = i > 0 ? segments[i - 1] : "";
      JsonNode schema = schemaOf(operation, variable);
      String value =
          switch (ids) {
            case EXISTING -> existing(collection).orElse(missing(collection, schema));
            case MISSING -> missing(collection, schema);
            case OTHER_CUSTOMERS -> {
              if (underCustomer && collection.equals("accounts")) {
                crossed = true;
                yield fixtures.otherAccount();
              }
              yield existing(collection).orElse(missing(collection, schema));
            }
          };
      underCustomer |= collection.equals("customers");
      filled.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
    if (ids == Ids.MISSING && !operation.template().contains("{")) {
      return Optional.empty();
    }
    if (ids == Ids.OTHER_CUSTOMERS && !crossed) {
      return Optional.empty();
    }
    return Optional.of(String.join("/", filled) + requiredQuery(operation));
  }

  private Optional<String> existing(String collection) {
    return Optional.ofNullable(
        switch (collection) {
          case "customers" -> fixtures.customer();
          case "accounts" -> fixtures.account();
          case "transactions" -> fixtures.transaction();
          case "changes" -> fixtures.ruleChange();
          case "users" -> fixtures.staffUser();
          default -> null;
        });
  }

  private static String missing(String collection, JsonNode schema) {
    if (collection.equals("users")) {
      return "nobody-" + UUID.randomUUID();
    }
    String type = schema.path("type").asString("string");
    if (type.equals("integer") || type.equals("number")) {
      return "987654321";
    }
    return UUID.randomUUID().toString();
  }

  private static JsonNode schemaOf(ApiOperations.Operation operation, String variable) {
    return operation.parameters("path").stream()
        .filter(parameter -> parameter.path("name").asString().equals(variable))
        .map(parameter -> operation.document().resolve(parameter.path("schema")))
        .findFirst()
        .orElse(AttackClient.JSON.createObjectNode());
  }

  private static String requiredQuery(ApiOperations.Operation operation) {
    List<String> pairs = new ArrayList<>();
    for (JsonNode parameter : operation.parameters("query")) {
      if (parameter.path("required").asBoolean(false)) {
        String name = parameter.path("name").asString();
        JsonNode schema = operation.document().resolve(parameter.path("schema"));
        pairs.add(name + "=" + URLEncoder.encode(plausible(schema), StandardCharsets.UTF_8));
      }
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  /** A value of the parameter's type that names nothing in particular. */
  static String plausible(JsonNode schema) {
    if (schema.has("enum")) {
      return schema.get("enum").get(0).asString();
    }
    String type = schema.path("type").asString("string");
    if (type.equals("integer") || type.equals("number")) {
      return "1";
    }
    if (type.equals("boolean")) {
      return "false";
    }
    return switch (schema.path("format").asString("")) {
      case "uuid" -> UUID.randomUUID().toString();
      case "date-time" -> Instant.now().toString();
      case "date" -> LocalDate.now().toString();
      default -> "probe";
    };
  }

  static String query(Map<String, String> parameters) {
    List<String> pairs = new ArrayList<>();
    parameters.forEach(
        (name, value) -> pairs.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return String.join("&", pairs);
  }
}
