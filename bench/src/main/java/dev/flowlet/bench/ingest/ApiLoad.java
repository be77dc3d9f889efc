package dev.flowlet.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives {@code POST /api/v1/transactions} as clients would: a closed loop of concurrent clients
 * for the sustained rate, and an open loop at a fixed offered rate for latency. Open-loop latency
 * is measured from when a request was due, not when it was sent, so a stalled server cannot hide
 * its queueing (no coordinated omission).
 */
final class ApiLoad {

  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .executor(Executors.newVirtualThreadPerTaskExecutor())
          .build();
  private final String baseUrl;
  private final String token;
  private final List<String> accounts;
  private final BiConsumer<String, Long> onAccepted;

  /**
   * @param onAccepted told the id of every accepted transaction and the {@link System#nanoTime()}
   *     its 201 arrived
   */
  ApiLoad(
      String baseUrl, String token, List<String> accounts, BiConsumer<String, Long> onAccepted) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.accounts = accounts;
    this.onAccepted = onAccepted;
  }

  /** {@code clients} clients, each sending its next request as soon as the previous is answered. */
  LatencyRecorder.Result closedLoop(int clients, Duration duration) throws InterruptedException {
    LatencyRecorder recorder = new LatencyRecorder();
    long end = System.nanoTime() + duration.toNanos();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < clients; i++) {
        pool.submit(
            () -> {
              while (System.nanoTime() < end) {
                long sent = System.nanoTime();
                send(recorder, sent);
              }
            });
      }
    }
    return recorder.result((System.nanoTime() - start) / 1e9);
  }

  /** Requests due every {@code 1/rate} seconds, each on its own virtual thread. */
  LatencyRecorder.Result openLoop(int rate, Duration duration) throws InterruptedException {
    LatencyRecorder recorder = new LatencyRecorder();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long total = duration.toSeconds() * rate;
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (long i = 0; i < total; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          LockSupport.parkNanos(wait);
        }
        pool.submit(() -> send(recorder, due));
      }
    }
    return recorder.result((System.nanoTime() - start) / 1e9);
  }

  private void send(LatencyRecorder recorder, long due) {
    String account = accounts.get(ThreadLocalRandom.current().nextInt(accounts.size()));
    try {
      HttpResponse<String> response =
          http.send(request(account), HttpResponse.BodyHandlers.ofString());
      long answered = System.nanoTime();
      if (response.statusCode() == 201) {
        recorder.accepted(answered - due);
        Matcher id = ID.matcher(response.body());
        if (id.find()) {
          onAccepted.accept(id.group(1), answered);
        }
      } else if (response.statusCode() < 500) {
        recorder.rejected();
      } else {
        recorder.failed();
      }
    } catch (IOException e) {
      recorder.failed();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private HttpRequest request(String account) {
    String body =
        """
        {"accountId":"%s","type":"DEPOSIT","amount":"%d.%02d","currency":"EUR",
         "occurredAt":"%s","counterparty":{"name":"Payroll Services Ltd","country":"DE"},
         "channel":{"country":"DE","deviceId":"bench-device"}}"""
            .formatted(
                account,
                ThreadLocalRandom.current().nextInt(1, 900),
                ThreadLocalRandom.current().nextInt(100),
                Instant.now());
    return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/transactions"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + token)
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }
}
