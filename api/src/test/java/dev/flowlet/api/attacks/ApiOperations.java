package dev.flowlet.api.attacks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Every operation (path x method) of the API's own OpenAPI document, {@code /v3/api-docs}, so the
 * suite covers an endpoint the moment a controller declares it.
 */
final class ApiOperations {

  private static final Set<String> METHODS =
      Set.of("get", "post", "put", "patch", "delete", "head", "options");

  private final JsonNode document;

  ApiOperations(JsonNode document) {
    this.document = document;
  }

  static ApiOperations of(AttackClient client) {
    AttackClient.Response docs = client.get("/v3/api-docs", null);
    if (docs.status() != 200) {
      throw new IllegalStateException("no OpenAPI document: " + docs);
    }
    return new ApiOperations(docs.json());
  }

  /** One operation of the document. */
  record Operation(String method, String template, JsonNode spec, ApiOperations document) {

    @Override
    public String toString() {
      return method + " " + template;
    }

    List<JsonNode> parameters(String in) {
      List<JsonNode> found = new ArrayList<>();
      spec.path("parameters")
          .forEach(
              parameter -> {
                JsonNode resolved = document.resolve(parameter);
                if (in.equals(resolved.path("in").asString())) {
                  found.add(resolved);
                }
              });
      return found;
    }

    /** The JSON request body's schema, resolved, or null when the operation takes none. */
    JsonNode bodySchema() {
      JsonNode content = spec.path("requestBody").path("content");
      JsonNode json = content.path("application/json").path("schema");
      if (json.isMissingNode()) {
        return null;
      }
      return document.resolve(json);
    }

    boolean writes() {
      return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }
  }

  List<Operation> all() {
    List<Operation> operations = new ArrayList<>();
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        method -> {
                          if (METHODS.contains(method.getKey())) {
                            operations.add(
                                new Operation(
                                    method.getKey().toUpperCase(Locale.ROOT),
                                    path.getKey(),
                                    method.getValue(),
                                    this));
                          }
                        }));
    return operations;
  }

  /** Follows a {@code $ref} to {@code #/components/...}; other nodes are returned as they are. */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    for (int hops = 0; hops < 10 && current.has("$ref"); hops++) {
      String ref = current.get("$ref").asString();
      if (!ref.startsWith("#/")) {
        throw new IllegalStateException("external reference in the OpenAPI document: " + ref);
      }
      current = document.at(ref.substring(1));
    }
    return current;
  }
}
