package dev.flowlet.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests of any method, headers and body framing (sized or chunked) for the security tests,
 * answered as {@link ApiClient.Response}.
 */
final class HttpCalls {

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String baseUrl;

  HttpCalls(int port) {
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  ApiClient.Response send(
      String method, String path, String token, Map<String, String> headers, BodyPublisher body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).method(method, body);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    headers.forEach(request::header);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new ApiClient.Response(
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

  /** A JSON request; {@code body} null sends none. */
  ApiClient.Response json(
      String method, String path, String token, String body, Map<String, String> headers) {
    Map<String, String> all = new java.util.HashMap<>(headers);
    if (body != null) {
      all.putIfAbsent("Content-Type", "application/json");
    }
    return send(
        method,
        path,
        token,
        all,
        body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
  }

  ApiClient.Response json(String method, String path, String token, String body) {
    return json(method, path, token, body, Map.of());
  }

  /** The same body sent chunked: its length is not declared. */
  static BodyPublisher chunked(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
  }

  ApiClient.Response login(String username, String password, Map<String, String> headers) {
    return json(
        "POST",
        "/api/v1/auth/token",
        null,
        "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password),
        headers);
  }

  ApiClient.Response login(String username, String password) {
    return login(username, password, Map.of());
  }

  ApiClient.Response refresh(String refreshToken) {
    return json(
        "POST", "/api/v1/auth/refresh", null, "{\"refresh_token\":\"%s\"}".formatted(refreshToken));
  }

  /** Creates a staff user through the ADMIN API and returns its user name. */
  String createStaffUser(String adminToken, String prefix, String password, String... roles) {
    String username = prefix + "-" + java.util.UUID.randomUUID().toString().substring(0, 8);
    ApiClient.Response created =
        json(
            "POST",
            "/api/v1/users",
            adminToken,
            "{\"username\":\"%s\",\"password\":\"%s\",\"roles\":[%s]}"
                .formatted(
                    username,
                    password,
                    String.join(
                        ",", java.util.Arrays.stream(roles).map(r -> "\"" + r + "\"").toList())));
    if (created.status() != 201) {
      throw new IllegalStateException("creating a staff user failed: " + created);
    }
    return username;
  }

  /** A claim of a JWT, read without checking the signature (the server checks it). */
  static JsonNode claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return JsonMapper.builder()
        .build()
        .readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
  }
}
