package dev.flowlet.testsupport.elasticsearch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Waits until a node process answers {@code GET /_cluster/health?wait_for_status=yellow} with 200,
 * or exits, or runs out of time. ({@code GET /} is no readiness check here: the module that serves
 * it is not published to Maven Central.)
 */
final class NodeReadiness {

  enum Outcome {
    READY,
    EXITED,
    TIMED_OUT
  }

  private static final long POLL_MILLIS = 250;

  private NodeReadiness() {}

  static Outcome await(Process process, String httpUrl, Duration timeout)
      throws InterruptedException {
    URI health = URI.create(httpUrl + "/_cluster/health?wait_for_status=yellow&timeout=1s");
    long deadline = System.nanoTime() + timeout.toNanos();
    try (HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
      HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build();
      while (true) {
        if (answersOk(client, request)) {
          return Outcome.READY;
        }
        // Doubles as the pause between polls, and notices an early exit right away.
        if (process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          return Outcome.EXITED;
        }
        if (System.nanoTime() > deadline) {
          return Outcome.TIMED_OUT;
        }
      }
    }
  }

  private static boolean answersOk(HttpClient client, HttpRequest request)
      throws InterruptedException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException notListeningYet) {
      // Connection refused or a slow answer while the node starts: ask again on the next poll.
      return false;
    }
  }
}
