package dev.flowlet.api.attacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Requests as an attacker's client sends them: any method, path, token, headers and body. */
final class AttackClient {

  static final String DEMO_PASSWORD = "flowlet-demo";
  static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  final int port;

  AttackClient(int port) {
    this.port = port;
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  /** An HTTP answer. */
  record Response(int status, String contentType, Map<String, List<String>> headers, String body) {

    JsonNode json() {
      return JSON.readTree(body);
    }

    boolean isProblem() {
      return contentType.startsWith("application/problem+json");
    }

    String problemType() {
      return isProblem() ? json().path("type").asString() : null;
    }

    @Override
    public String toString() {
      return status + " " + (body.length() > 300 ? body.substring(0, 300) + "..." : body);
    }
  }

  Response send(
      String method, String path, String token, Map<String, String> headers, BodyPublisher body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.headers().map(),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON request (an Idempotency-Key is added to writes); {@code body} null sends none. */
  Response json(
      String method, String path, String token, String body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    if (body != null) {
      all.putIfAbsent("Content-Type", "application/json");
      all.putIfAbsent("Idempotency-Key", UUID.randomUUID().toString());
    }
    return send(
        method,
        path,
        token,
        all,
        body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
  }

  Response json(String method, String path, String token, String body) {
    return json(method, path, token, body, Map.of());
  }

  Response get(String path, String token) {
    return json("GET", path, token, null);
  }

  Response login(String username, String password, Map<String, String> headers) {
    return json(
        "POST",
        "/api/v1/auth/token",
        null,
        JSON.writeValueAsString(Map.of("username", username, "password", password)),
        headers);
  }

  /** The demo user's tokens: {@code access_token} and {@code refresh_token}. */
  JsonNode session(String username, String password) {
    Response login = login(username, password, Map.of());
    if (login.status() != 200) {
      throw new IllegalStateException("login of " + username + " failed: " + login);
    }
    return login.json();
  }

  String token(Caller caller) {
    return caller == Caller.ANONYMOUS
        ? null
        : session(caller.username, DEMO_PASSWORD).get("access_token").asString();
  }

  /** Posts and returns the new resource's id, failing unless the answer is 201. */
  String created(String path, String token, String body) {
    Response answer = json("POST", path, token, body);
    if (answer.status() != 201) {
      throw new IllegalStateException("POST " + path + " failed: " + answer);
    }
    return answer.json().get("id").asString();
  }
}
