package dev.flowlet.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** Waits until an app answers {@code GET /health} with 200. */
final class AppHealth {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private AppHealth() {}

  /**
   * @throws StackStartException when the app died during start (the supervisor saw it) or is not
   *     healthy within {@code timeout}
   */
  static void await(String name, int port, Duration timeout, SupervisedPart part) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      PartStatus status = part.status();
      if (status.restarts() > 0) {
        throw new StackStartException(
            name + " died during start (" + status.lastExit() + "); see its log");
      }
      if (healthy(port)) {
        return;
      }
      LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
    }
    throw new StackStartException(
        name + " was not healthy within " + timeout.toSeconds() + " s; see its log");
  }

  static boolean healthy(int port) {
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
