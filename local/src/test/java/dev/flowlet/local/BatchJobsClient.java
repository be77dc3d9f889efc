package dev.flowlet.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * batch-jobs' jobs API as an operator calls it: start, look at, restart an execution, find the run
 * that resumed one.
 */
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

  JsonNode execution(long executionId) {
    return JSON.readTree(get(executionId).body());
  }

  /**
   * The newest later execution of the same job with the same parameters (who launched it aside):
   * the run that resumed this one. Null while there is none or batch-jobs does not answer. The jobs
   * API lists no executions, so this reads the ids after this one (they are given in order) until
   * several in a row are unknown.
   */
  JsonNode resumptionOf(long executionId) {
    try {
      JsonNode original = execution(executionId);
      JsonNode newest = null;
      int unknown = 0;
      for (long id = executionId + 1; unknown < 5; id++) {
        HttpResponse<String> response = get(id);
        if (response.statusCode() == 404) {
          unknown++;
          continue;
        }
        unknown = 0;
        JsonNode later = JSON.readTree(response.body());
        if (later.path("jobName").equals(original.path("jobName"))
            && runParameters(later).equals(runParameters(original))) {
          newest = later;
        }
      }
      return newest;
    } catch (IllegalStateException | JacksonException e) {
      return null; // batch-jobs is not up (yet)
    }
  }

  private static JsonNode runParameters(JsonNode execution) {
    ObjectNode parameters = (ObjectNode) execution.path("parameters").deepCopy();
    parameters.remove("launchedBy");
    parameters.remove("launchedAs");
    return parameters;
  }

  private HttpResponse<String> get(long executionId) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(batchUrl + "/api/v1/jobs/executions/" + executionId))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + token)
              .build(),
          HttpResponse.BodyHandlers.ofString());
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
