package dev.flowlet.bench.reconciliation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The API's login and batch-jobs' jobs API, as the benchmark uses them. */
final class JobsApi {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String api;
  private final String batch;

  JobsApi(String api, String batch) {
    this.api = api;
    this.batch = batch;
  }

  /** An access token of one of the API's demo users. */
  String login(String user, String password) throws Exception {
    return JSON.readTree(
            send(
                HttpRequest.newBuilder(URI.create(api + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(
                                Map.of("username", user, "password", password))))))
        .get("access_token")
        .asString();
  }

  long start(String token, String job, Map<String, Object> parameters) throws Exception {
    return JSON.readTree(
            send(
                HttpRequest.newBuilder(URI.create(batch + "/api/v1/jobs/" + job))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(
                        HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(parameters)))))
        .get("executionId")
        .asLong();
  }

  JsonNode execution(String token, long executionId) throws Exception {
    return JSON.readTree(
        send(
            HttpRequest.newBuilder(URI.create(batch + "/api/v1/jobs/executions/" + executionId))
                .header("Authorization", "Bearer " + token)
                .GET()));
  }

  /** Polls until the execution has ended; returns its last view. */
  JsonNode awaitEnd(String token, long executionId) throws Exception {
    while (true) {
      JsonNode execution = execution(token, executionId);
      String status = execution.get("status").asString();
      if (!status.equals("STARTING") && !status.equals("STARTED") && !status.equals("STOPPING")) {
        return execution;
      }
      Thread.sleep(250);
    }
  }

  /** batch-jobs' Prometheus text. */
  String metrics() throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(batch + "/metrics"))
            .timeout(Duration.ofSeconds(5))
            .GET());
  }

  private String send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
