package dev.flowlet.bench.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the ingest benchmark against a running Flowlet stack (see {@code bench/ingest.sh}) and
 * prints a Markdown report: the raw PostgreSQL baseline, the sustained accepted rate through the
 * API, the latency at fixed offered rates, and how long the outbox took to reach Kafka afterwards.
 *
 * <p>Settings come from system properties: {@code api} (base URL), {@code jdbc}, {@code db.user},
 * {@code db.password}, {@code seconds} (per run, default 60), {@code warmup.seconds} (default 20),
 * {@code clients} (closed loop, default 64), {@code connections} (baseline, default 16), {@code
 * rates} (default 500,1000,2000), {@code accounts} (default 500), {@code report} (a file to write
 * the report to as well).
 */
public final class IngestBenchmark {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private IngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    String api = System.getProperty("api", "http://127.0.0.1:5001");
    String jdbc = System.getProperty("jdbc", "jdbc:postgresql://127.0.0.1:5432/flowlet");
    String user = System.getProperty("db.user", "postgres");
    String password = System.getProperty("db.password", "");
    Duration run = Duration.ofSeconds(Long.getLong("seconds", 60));
    Duration warmup = Duration.ofSeconds(Long.getLong("warmup.seconds", 20));
    int clients = Integer.getInteger("clients", 64);
    int connections = Integer.getInteger("connections", 16);
    int accountCount = Integer.getInteger("accounts", 500);
    List<Integer> rates =
        Arrays.stream(System.getProperty("rates", "500,1000,2000").split(","))
            .map(String::strip)
            .map(Integer::valueOf)
            .toList();

    String token =
        login(api, System.getenv().getOrDefault("FLOWLET_DEMO_PASSWORD", "flowlet-demo"));
    List<String> accounts = openAccounts(api, token, accountCount);
    if ("decisions".equals(System.getProperty("mode"))) {
      decisionLatency(api, token, accounts, run, warmup);
      return;
    }
    ApiLoad load = new ApiLoad(api, token, accounts, (id, nanos) -> {});
    RawInsertBaseline baseline = new RawInsertBaseline(jdbc, user, password);

    log("warming up the API for %ds", warmup.toSeconds());
    load.closedLoop(clients, warmup);
    drainOutbox(jdbc, user, password);

    log("baseline: raw PostgreSQL writes, %d connections, %ds", connections, run.toSeconds());
    LatencyRecorder.Result raw = baseline.run(connections, accountCount, run);
    baseline.cleanUp();
    log("%s", row("baseline", "closed loop", raw));

    log("sustained: %d concurrent API clients, %ds", clients, run.toSeconds());
    LatencyRecorder.Result sustained = load.closedLoop(clients, run);
    log("%s", row("API sustained", "closed loop", sustained));
    Duration drain = drainOutbox(jdbc, user, password);

    List<LatencyRecorder.Result> fixed = new ArrayList<>();
    for (int rate : rates) {
      log("fixed rate: %d tx/s offered, %ds", rate, run.toSeconds());
      fixed.add(load.openLoop(rate, run));
      log("%s", row("API fixed rate", rate + " tx/s", fixed.getLast()));
      drainOutbox(jdbc, user, password);
    }

    String report = report(raw, sustained, drain, rates, fixed, clients, connections, run);
    System.out.println(report);
    String file = System.getProperty("report");
    if (file != null) {
      Files.writeString(Path.of(file), report);
    }
  }

  /**
   * With the whole pipeline running: transactions offered at {@code decision.rate} (default 500)
   * per second, and the time from each 201 to its decision committed on the decisions topic.
   */
  private static void decisionLatency(
      String api, String token, List<String> accounts, Duration run, Duration warmup)
      throws Exception {
    int rate = Integer.getInteger("decision.rate", 500);
    String kafka = System.getProperty("kafka", "127.0.0.1:9092");
    log("warming up the pipeline at %d tx/s for %ds", rate, warmup.toSeconds());
    new ApiLoad(api, token, accounts, (id, nanos) -> {}).openLoop(rate, warmup);
    try (DecisionWatcher watcher = new DecisionWatcher(kafka)) {
      log("decision latency: %d tx/s offered for %ds", rate, run.toSeconds());
      LatencyRecorder.Result offered =
          new ApiLoad(api, token, accounts, watcher::accepted).openLoop(rate, run);
      DecisionWatcher.Result decided = watcher.awaitAll(offered.accepted(), Duration.ofSeconds(60));
      String report =
          ("| offered | accepted tx/s | API p99 ms | decided | decision p50 ms | decision p99 ms"
                  + " | decision p99.9 ms | decision max ms |%n|---|---|---|---|---|---|---|---|%n"
                  + "| %d tx/s | %.0f | %.1f | %d of %d | %.1f | %.1f | %.1f | %.1f |%n")
              .formatted(
                  rate,
                  offered.acceptedPerSecond(),
                  offered.p99Millis(),
                  decided.decided(),
                  decided.accepted(),
                  decided.p50Millis(),
                  decided.p99Millis(),
                  decided.p999Millis(),
                  decided.maxMillis());
      System.out.println(report);
      String file = System.getProperty("report");
      if (file != null) {
        Files.writeString(Path.of(file), report);
      }
    }
  }

  private static String report(
      LatencyRecorder.Result raw,
      LatencyRecorder.Result sustained,
      Duration drain,
      List<Integer> rates,
      List<LatencyRecorder.Result> fixed,
      int clients,
      int connections,
      Duration run) {
    StringBuilder out = new StringBuilder();
    out.append(
        "| run | offered | accepted tx/s | p50 ms | p99 ms | p99.9 ms | max ms | 4xx | errors |\n");
    out.append("|---|---|---|---|---|---|---|---|---|\n");
    out.append(
        row("baseline: raw PostgreSQL, " + connections + " connections", "closed loop", raw));
    out.append(row("API sustained, " + clients + " clients", "closed loop", sustained));
    for (int i = 0; i < rates.size(); i++) {
      out.append(row("API fixed rate", rates.get(i) + " tx/s", fixed.get(i)));
    }
    out.append(
        "\nAPI sustained / baseline: %.0f%%. Outbox backlog after the sustained run reached Kafka in %.1f s. Each run %d s.%n"
            .formatted(
                100 * sustained.acceptedPerSecond() / raw.acceptedPerSecond(),
                drain.toMillis() / 1000.0,
                run.toSeconds()));
    return out.toString();
  }

  private static String row(String name, String offered, LatencyRecorder.Result result) {
    return "| %s | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %d |%n"
        .formatted(
            name,
            offered,
            result.acceptedPerSecond(),
            result.p50Millis(),
            result.p99Millis(),
            result.p999Millis(),
            result.maxMillis(),
            result.rejected(),
            result.failed());
  }

  /** Waits until the relay has published every outbox row; returns how long that took. */
  private static Duration drainOutbox(String jdbc, String user, String password) throws Exception {
    Instant start = Instant.now();
    try (var db = DriverManager.getConnection(jdbc, user, password)) {
      while (true) {
        try (var rows =
            db.createStatement()
                .executeQuery("select count(*) from outbox where published_at is null")) {
          rows.next();
          if (rows.getLong(1) == 0) {
            return Duration.between(start, Instant.now());
          }
        }
        Thread.sleep(100);
      }
    }
  }

  private static String login(String api, String password) throws Exception {
    var answer =
        post(
            api + "/api/v1/auth/token",
            null,
            Map.of("username", "demo-operator", "password", password));
    return JSON.readTree(answer).get("access_token").asString();
  }

  private static List<String> openAccounts(String api, String token, int count) throws Exception {
    String customer =
        JSON.readTree(
                post(
                    api + "/api/v1/customers",
                    token,
                    Map.of(
                        "name", "Bench Customer", "email", "bench@example.com", "country", "DE")))
            .get("id")
            .asString();
    List<String> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      accounts.add(
          JSON.readTree(
                  post(
                      api + "/api/v1/accounts",
                      token,
                      Map.of("customerId", customer, "currency", "EUR")))
              .get("id")
              .asString());
    }
    return accounts;
  }

  private static String post(String url, String token, Map<String, String> body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          url + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static void log(String format, Object... args) {
    System.err.println(
        Instant.now() + " " + format.formatted(args).lines().collect(Collectors.joining(" ")));
  }
}
