package dev.flowlet.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API clients posting deposits at a steady rate, as the load under which faults are injected. Every
 * id answered with 201 is recorded (the promise to check); everything else is counted by kind: an
 * error or timeout is allowed during an outage, a 201 for something later lost never is.
 */
final class LoadGenerator implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final String apiUrl;
  private final List<String> accounts;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Set<String> accepted = ConcurrentHashMap.newKeySet();
  private final ConcurrentSkipListSet<Instant> successes = new ConcurrentSkipListSet<>();
  private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
  private final List<Thread> clients = new ArrayList<>();
  private volatile String token;
  private volatile boolean running;

  private LoadGenerator(String apiUrl, List<String> accounts, String token) {
    this.apiUrl = apiUrl;
    this.accounts = accounts;
    this.token = token;
  }

  /** Logs in as demo-operator and opens {@code accountCount} accounts to spread the load. */
  static LoadGenerator prepare(String apiUrl, int accountCount) {
    LoadGenerator generator = new LoadGenerator(apiUrl, new ArrayList<>(), null);
    generator.token = generator.login();
    for (int i = 0; i < accountCount; i++) {
      String customer =
          generator
              .postOk(
                  "/api/v1/customers",
                  "{\"name\":\"Load %d\",\"email\":\"load%d@example.com\",\"country\":\"DE\"}"
                      .formatted(i, i))
              .get("id")
              .asString();
      generator.accounts.add(
          generator
              .postOk(
                  "/api/v1/accounts",
                  "{\"customerId\":\"%s\",\"currency\":\"EUR\"}".formatted(customer))
              .get("id")
              .asString());
    }
    return generator;
  }

  /**
   * Starts {@code clientCount} clients sending {@code perSecond} transactions in all; failures are
   * counted afresh from here.
   */
  synchronized void start(int perSecond, int clientCount) {
    failures.clear();
    running = true;
    long intervalNanos = Duration.ofSeconds(1).toNanos() * clientCount / perSecond;
    for (int c = 0; c < clientCount; c++) {
      int client = c;
      clients.add(
          Thread.ofPlatform()
              .daemon()
              .name("load-" + c)
              .start(
                  () -> {
                    long next = System.nanoTime() + intervalNanos * client / clientCount;
                    int sent = 0;
                    while (running) {
                      LockSupport.parkNanos(next - System.nanoTime());
                      next += intervalNanos;
                      if (System.nanoTime() - next > Duration.ofSeconds(5).toNanos()) {
                        next = System.nanoTime(); // behind after an outage: no burst to catch up
                      }
                      sendOne(accounts.get((client + sent++) % accounts.size()));
                    }
                  }));
    }
  }

  /** Stops the clients and waits for requests in flight. */
  synchronized void stop() {
    running = false;
    for (Thread client : clients) {
      try {
        client.join(REQUEST_TIMEOUT.plusSeconds(5));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    clients.clear();
  }

  /** The demo-operator token the clients use. */
  String token() {
    return token;
  }

  List<String> accounts() {
    return List.copyOf(accounts);
  }

  Set<String> accepted() {
    return Set.copyOf(accepted);
  }

  /** When the first 201 after {@code instant} was answered, if any yet. */
  Instant firstSuccessAfter(Instant instant) {
    return successes.ceiling(instant);
  }

  /** Failed requests by kind, e.g. {@code 503} or {@code timeout}. */
  Map<String, Long> failures() {
    Map<String, Long> counts = new java.util.TreeMap<>();
    failures.forEach((kind, count) -> counts.put(kind, count.get()));
    return counts;
  }

  private void sendOne(String account) {
    String body =
        """
        {"accountId":"%s","type":"DEPOSIT","amount":"%d.00","currency":"EUR","occurredAt":"%s",
         "counterparty":{"name":"Northwind Traders","country":"NL"},
         "channel":{"country":"DE","deviceId":"load-device"}}"""
            .formatted(account, 10 + (System.nanoTime() & 127), Instant.now().minusSeconds(5));
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/transactions"))
                  .timeout(REQUEST_TIMEOUT)
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + token)
                  .header("Idempotency-Key", UUID.randomUUID().toString())
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 201) {
        accepted.add(JSON.readTree(response.body()).get("id").asString());
        successes.add(Instant.now());
        return;
      }
      fail(Integer.toString(response.statusCode()));
      if (response.statusCode() == 401) {
        token = login();
      }
    } catch (HttpTimeoutException e) {
      fail("timeout");
    } catch (IOException e) {
      fail("connection: " + e.getClass().getSimpleName());
    } catch (RuntimeException e) {
      fail("client: " + e.getClass().getSimpleName());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void fail(String kind) {
    failures.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
  }

  private String login() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(apiUrl + "/api/v1/auth/token"))
                  .timeout(REQUEST_TIMEOUT)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"username\":\"demo-operator\",\"password\":\"flowlet-demo\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200
          ? JSON.readTree(response.body()).get("access_token").asString()
          : token;
    } catch (IOException e) {
      return token;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return token;
    }
  }

  private JsonNode postOk(String path, String body) {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(apiUrl + path))
                  .timeout(REQUEST_TIMEOUT)
                  .header("Content-Type", "application/json")
                  .header("Authorization", "Bearer " + token)
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(path + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
