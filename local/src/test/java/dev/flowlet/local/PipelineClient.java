package dev.flowlet.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running pipeline the way users do: the API over HTTP, Elasticsearch's search. */
final class PipelineClient {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final RunningPipeline pipeline;

  PipelineClient(RunningPipeline pipeline) {
    this.pipeline = pipeline;
  }

  String token(String user) {
    return post(
            "/api/v1/auth/token",
            null,
            "{\"username\":\"%s\",\"password\":\"flowlet-demo\"}".formatted(user),
            Map.of())
        .get("access_token")
        .asString();
  }

  /** A new customer with one euro account; returns the account id. */
  String openEuroAccount(String operator, String name, String email, String country) {
    String customer =
        post(
                "/api/v1/customers",
                operator,
                "{\"name\":\"%s\",\"email\":\"%s\",\"country\":\"%s\"}"
                    .formatted(name, email, country),
                Map.of())
            .get("id")
            .asString();
    return openEuroAccountFor(operator, customer);
  }

  String openEuroAccountFor(String operator, String customer) {
    return post(
            "/api/v1/accounts",
            operator,
            "{\"customerId\":\"%s\",\"currency\":\"EUR\"}".formatted(customer),
            Map.of())
        .get("id")
        .asString();
  }

  String customerOf(String operator, String account) {
    return get("/api/v1/accounts/" + account, operator).get("customerId").asString();
  }

  /** Records a movement and returns its id. */
  String record(String operator, Movement movement) {
    return post(
            "/api/v1/transactions",
            operator,
            movement.json(),
            Map.of("Idempotency-Key", UUID.randomUUID().toString()))
        .get("id")
        .asString();
  }

  JsonNode awaitRisk(String transaction, String token) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> get("/api/v1/transactions/" + transaction, token).get("risk"), r -> r != null);
  }

  List<String> actionsAuditedFor(String transactionId) {
    List<String> actions = new ArrayList<>();
    search("flowlet-audit-*", "resourceId", transactionId)
        .get("hits")
        .get("hits")
        .forEach(hit -> actions.add(hit.get("_source").get("action").asString()));
    return actions;
  }

  JsonNode search(String index, String field, String value) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(
                    URI.create(
                        pipeline.infrastructure().elasticsearchUrl()
                            + "/"
                            + index
                            + "/_search?allow_no_indices=true"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"size\":1000,\"query\":{\"term\":{\"%s\":\"%s\"}}}"
                            .formatted(field, value)))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  long hits(String index, String field, String value) {
    return search(index, field, value).get("hits").get("total").get("value").asLong();
  }

  JsonNode post(String path, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(pipeline.apiUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    HttpResponse<String> response = send(request.build());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(200, 201);
    return JSON.readTree(response.body());
  }

  JsonNode get(String path, String token) {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(pipeline.apiUrl() + path))
                .header("Authorization", "Bearer " + token)
                .build());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  HttpResponse<String> raw(String url) {
    return send(HttpRequest.newBuilder(URI.create(url)).build());
  }

  private static HttpResponse<String> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(request.uri() + ": " + e.getMessage(), e);
    }
  }

  /**
   * One money movement as a client sends it.
   *
   * @param target for a TRANSFER, the account credited
   */
  record Movement(
      String account,
      String type,
      String amount,
      Instant occurredAt,
      String counterpartyName,
      String counterpartyCountry,
      String target,
      String channelCountry,
      String deviceId) {

    static Movement deposit(String account, String amount) {
      return new Movement(
          account,
          "DEPOSIT",
          amount,
          Instant.now().minusSeconds(30),
          "Northwind Traders",
          "NL",
          null,
          "DE",
          "laptop-1");
    }

    static Movement withdrawal(String account, String amount) {
      return deposit(account, amount).withType("WITHDRAWAL");
    }

    Movement withType(String newType) {
      return new Movement(
          account,
          newType,
          amount,
          occurredAt,
          counterpartyName,
          counterpartyCountry,
          target,
          channelCountry,
          deviceId);
    }

    Movement at(Instant when) {
      return new Movement(
          account,
          type,
          amount,
          when,
          counterpartyName,
          counterpartyCountry,
          target,
          channelCountry,
          deviceId);
    }

    Movement to(String name, String country) {
      return new Movement(
          account, type, amount, occurredAt, name, country, target, channelCountry, deviceId);
    }

    Movement from(String country, String device) {
      return new Movement(
          account,
          type,
          amount,
          occurredAt,
          counterpartyName,
          counterpartyCountry,
          target,
          country,
          device);
    }

    Movement transferTo(String credited) {
      return new Movement(
          account,
          "TRANSFER",
          amount,
          occurredAt,
          counterpartyName,
          counterpartyCountry,
          credited,
          channelCountry,
          deviceId);
    }

    String json() {
      return """
          {"accountId":"%s","type":"%s","amount":"%s","currency":"EUR","occurredAt":"%s",
           "counterparty":{"name":"%s","country":"%s"%s},
           "channel":{"country":"%s","deviceId":"%s"}%s}"""
          .formatted(
              account,
              type,
              amount,
              occurredAt,
              counterpartyName,
              counterpartyCountry,
              target == null ? "" : ",\"accountId\":\"" + target + "\"",
              channelCountry,
              deviceId,
              "CARD_PAYMENT".equals(type) ? ",\"card\":{\"number\":\"4111 1111 1111 1111\"}" : "");
    }
  }
}
