package dev.flowlet.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** batch-jobs' jobs API as an operator calls it: start, look at, restart an execution. */
final class BatchJobsClient {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final String batchUrl;
  private final String token;

  BatchJobsClient(String batchUrl, String token) {
    this.batchUrl = batchUrl;
    this.token = token;
  }

  long start(String job, String parametersJson) {
    HttpResponse<String> response = post("/api/v1/jobs/" + job, parametersJson);
    if (response.statusCode() != 202) {
      throw new IllegalStateException(job + " not started: " + response.body());
    }
    return JSON.readTree(response.body()).get("executionId").asLong();
  }

  /** The new execution's id, or -1 while batch-jobs refuses (not up yet, still running). */
  long restart(long executionId) {
    try {
      HttpResponse<String> response =
          post("/api/v1/jobs/executions/" + executionId + "/restart", "{}");
      return response.statusCode() == 202
          ? JSON.readTree(response.body()).get("executionId").asLong()
          : -1;
    } catch (IllegalStateException e) {
      return -1;
    }
  }

  JsonNode execution(long executionId) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(
                      URI.create(batchUrl + "/api/v1/jobs/executions/" + executionId))
                  .timeout(Duration.ofSeconds(10))
                  .header("Authorization", "Bearer " + token)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private HttpResponse<String> post(String path, String body) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(batchUrl + path))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
