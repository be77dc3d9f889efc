package dev.flowlet.batch;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The jobs API over HTTP, as a client sees it. */
public final class JobsClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  public JobsClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** An HTTP answer with its body parsed as JSON when it is JSON. */
  public record Response(int status, String contentType, String body) {
    public JsonNode json() {
      return JSON.readTree(body);
    }
  }

  public Response start(String token, String jobName, Map<String, Object> parameters) {
    return post(token, "/api/v1/jobs/" + jobName, JSON.writeValueAsString(parameters));
  }

  public Response post(String token, String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)),
        token);
  }

  public Response upload(String token, String csv) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/api/v1/jobs/reconciliationJob/statements"))
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv)),
        token);
  }

  public Response get(String token, String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), token);
  }

  public Response execution(String token, long executionId) {
    return get(token, "/api/v1/jobs/executions/" + executionId);
  }

  /** Starts a job and returns its execution id, failing unless the answer is 202. */
  public long started(String token, String jobName, Map<String, Object> parameters) {
    Response response = start(token, jobName, parameters);
    if (response.status() != 202) {
      throw new AssertionError("Expected 202, got " + response.status() + ": " + response.body());
    }
    return response.json().get("executionId").asLong();
  }

  /** Waits until the execution has finished; returns its last view. */
  public JsonNode finished(String token, long executionId) {
    JsonNode[] last = new JsonNode[1];
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              last[0] = execution(token, executionId).json();
              return FINISHED.contains(last[0].get("status").asString());
            });
    return last[0];
  }

  private Response send(HttpRequest.Builder request, String token) {
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
