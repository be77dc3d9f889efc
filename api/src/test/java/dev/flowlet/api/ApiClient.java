package dev.flowlet.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the API under test, as a user's client would call it. */
final class ApiClient {

  static final String DEMO_PASSWORD = "flowlet-demo";

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String baseUrl;

  ApiClient(int port) {
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  Response post(String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    return send(request.build());
  }

  Response post(String path, String token, String body) {
    return post(path, token, body, Map.of());
  }

  Response patch(String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  /** Sends {@code body} as it is, with the given content type; for malformed requests. */
  Response send(String method, String path, String token, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", contentType)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .method(method, HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  Response get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  String token(String username) {
    Response response =
        post(
            "/api/v1/auth/token",
            null,
            "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, DEMO_PASSWORD));
    if (response.status() != 200) {
      throw new IllegalStateException("login failed: " + response);
    }
    return response.json().get("access_token").asString();
  }

  String createCustomer(String operatorToken) {
    return post(
            "/api/v1/customers",
            operatorToken,
            "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"country\":\"GB\"}")
        .json()
        .get("id")
        .asString();
  }

  String openAccount(String operatorToken, String customerId, String currency) {
    return post(
            "/api/v1/accounts",
            operatorToken,
            "{\"customerId\":\"%s\",\"currency\":\"%s\"}".formatted(customerId, currency))
        .json()
        .get("id")
        .asString();
  }

  /** An account with {@code balance} deposited, for movements that need funds. */
  String openFundedAccount(String operatorToken, String customerId, String balance) {
    String account = openAccount(operatorToken, customerId, "EUR");
    Response deposit =
        postTransaction(operatorToken, UUID.randomUUID().toString(), deposit(account, balance));
    if (deposit.status() != 201) {
      throw new IllegalStateException("deposit failed: " + deposit);
    }
    return account;
  }

  Response postTransaction(String operatorToken, String idempotencyKey, String body) {
    return post(
        "/api/v1/transactions", operatorToken, body, Map.of("Idempotency-Key", idempotencyKey));
  }

  /** A movement of {@code type} on {@code accountId}; a transfer credits {@code target}. */
  static String movement(String type, String accountId, String amount, String target) {
    return """
        {"accountId":"%s","type":"%s","amount":"%s","currency":"EUR",
         "occurredAt":"%s",
         "counterparty":{"name":"ACME Trading Ltd","country":"DE"%s},
         "channel":{"country":"GB","deviceId":"device-1"}}"""
        .formatted(
            accountId,
            type,
            amount,
            java.time.Instant.now().minus(java.time.Duration.ofHours(1)),
            target == null ? "" : ",\"accountId\":\"" + target + "\"");
  }

  static String deposit(String accountId, String amount) {
    return """
        {"accountId":"%s","type":"DEPOSIT","amount":"%s","currency":"EUR",
         "occurredAt":"%s",
         "counterparty":{"name":"ACME Trading Ltd","country":"DE"},
         "channel":{"country":"GB","deviceId":"device-%s"}}"""
        .formatted(
            accountId,
            amount,
            java.time.Instant.now().minus(java.time.Duration.ofHours(1)),
            UUID.randomUUID());
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().map(),
          response.body(),
          json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  record Response(
      int status,
      String contentType,
      Map<String, java.util.List<String>> headers,
      String body,
      JsonMapper mapper) {

    JsonNode json() {
      return mapper.readTree(body);
    }

    String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
