package dev.flowlet.api.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests too large to accept and clients too slow to wait for. Oversized bodies, headers and URLs
 * are refused with 413, 431 or 414 (or the connection is closed) before anything is stored; a
 * client that trickles its headers is cut off after the connection timeout, and meanwhile the API
 * goes on serving everybody else.
 */
@AttackTest
class OversizedAndSlowRequestAttackTest {

  /** {@code server.tomcat.connection-timeout} of application.yml. */
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(10);

  private static final String CUSTOMER_PREFIX = "{\"name\":\"";
  private static final String CUSTOMER_SUFFIX =
      "\",\"email\":\"big@example.com\",\"country\":\"GB\"}";

  private final AttackClient client;
  private final DatabaseState database;
  private final int port;

  OversizedAndSlowRequestAttackTest(@LocalServerPort int port, JdbcTemplate jdbc) {
    this.client = new AttackClient(port);
    this.database = new DatabaseState(jdbc);
    this.port = port;
  }

  @Test
  void refusesABodyOverTheLimitWith413SizedChunkedOrMerelyAnnouncedAndStoresNothing() {
    String operator = client.token(Caller.OPERATOR);
    String huge = CUSTOMER_PREFIX + "x".repeat(65 * 1024) + CUSTOMER_SUFFIX;
    Map<String, String> json = Map.of("Content-Type", "application/json");
    long customers = database.rows("customers");

    AttackClient.Response sized =
        client.send("POST", "/api/v1/customers", operator, json, BodyPublishers.ofString(huge));
    AttackClient.Response chunked =
        client.send(
            "POST",
            "/api/v1/customers",
            operator,
            json,
            BodyPublishers.ofInputStream(
                () ->
                    new java.io.ByteArrayInputStream(
                        huge.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    RawConnection.Answer announced;
    try (RawConnection connection = new RawConnection(port)) {
      // Ten gigabytes announced, none sent: the answer must not wait for them.
      connection.send(
          "POST /api/v1/customers HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
              + operator
              + "\r\nContent-Type: application/json\r\nContent-Length: 10737418240\r\n\r\n");
      announced = connection.readUntilClosed(Duration.ofSeconds(5));
    }

    for (AttackClient.Response refused : List.of(sized, chunked)) {
      assertThat(refused.status()).as(refused.toString()).isEqualTo(413);
      assertThat(refused.problemType()).isEqualTo("https://flowlet.dev/problems/request-too-large");
    }
    assertThat(announced.status()).as(announced.text()).isEqualTo(413);
    assertThat(announced.text()).contains("application/problem+json");
    assertThat(database.rows("customers")).isEqualTo(customers);
  }

  @Test
  void refusesLargeHeadersWith431AndALongUrlWith414AndClosesBeyondTomcatsCeiling() {
    String auditor = client.token(Caller.AUDITOR);
    StringBuilder manyHeaders = new StringBuilder();
    for (int i = 0; i < 90; i++) {
      manyHeaders.append("X-Header-").append(i).append(": ").append("v".repeat(150)).append("\r\n");
    }
    StringBuilder tooManyHeaders = new StringBuilder();
    for (int i = 0; i < 150; i++) {
      tooManyHeaders.append("X-Header-").append(i).append(": v\r\n");
    }

    RawConnection.Answer oneLargeHeader =
        raw(
            "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                + "h".repeat(13 * 1024)
                + "\r\n\r\n");
    RawConnection.Answer manyHeadersAnswer =
        raw("GET /health HTTP/1.1\r\nHost: localhost\r\n" + manyHeaders + "\r\n");
    RawConnection.Answer longUrl =
        raw(
            "GET /api/v1/transactions?cursor="
                + "u".repeat(10 * 1024)
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + auditor
                + "\r\n\r\n");
    RawConnection.Answer beyondSizeCeiling =
        raw(
            "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Huge: "
                + "h".repeat(64 * 1024)
                + "\r\n\r\n");
    RawConnection.Answer beyondCountCeiling =
        raw("GET /health HTTP/1.1\r\nHost: localhost\r\n" + tooManyHeaders + "\r\n");

    for (RawConnection.Answer answer : List.of(oneLargeHeader, manyHeadersAnswer)) {
      assertThat(answer.status()).as(answer.text()).isEqualTo(431);
      assertThat(answer.text()).contains("https://flowlet.dev/problems/headers-too-large");
      assertThat(answer.closed()).isTrue();
    }
    assertThat(longUrl.status()).as(longUrl.text()).isEqualTo(414);
    assertThat(longUrl.text()).contains("https://flowlet.dev/problems/uri-too-long");
    assertThat(longUrl.text()).doesNotContain("uuuuuuuu");
    // Past Tomcat's own limits (16 KB, 100 headers) the answer is its bare 400, and the
    // connection is closed.
    for (RawConnection.Answer answer : List.of(beyondSizeCeiling, beyondCountCeiling)) {
      assertThat(answer.status()).as(answer.text()).isIn(0, 400);
      assertThat(answer.closed()).isTrue();
    }
    assertThat(client.get("/health", null).status()).isEqualTo(200);
  }

  private RawConnection.Answer raw(String request) {
    try (RawConnection connection = new RawConnection(port)) {
      connection.send(request);
      return connection.readUntilClosed(Duration.ofSeconds(5));
    }
  }

  @Test
  void cutsOffClientsThatTrickleTheirHeadersAndServesOthersMeanwhile() throws Exception {
    List<RawConnection> slow = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        RawConnection connection = new RawConnection(port);
        connection.send("GET /health HTTP/1.1\r\nHost: localhost\r\n");
        slow.add(connection);
      }
      // Each trickle comes well within the timeout, as a slow-loris client's would.
      for (int round = 0; round < 3; round++) {
        for (int i = 0; i < slow.size(); i++) {
          slow.get(i).send("X-Slow-" + round + ": " + i + "\r\n");
        }
        List<CompletableFuture<Integer>> others = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          others.add(CompletableFuture.supplyAsync(() -> client.get("/health", null).status()));
        }
        // The others are served while the slow ones hold their connections; the next trickle
        // comes a second later at the earliest.
        await()
            .pollDelay(Duration.ofSeconds(1))
            .atMost(Duration.ofSeconds(15))
            .until(() -> others.stream().allMatch(CompletableFuture::isDone));
        assertThat(others).allSatisfy(other -> assertThat(other.join()).isEqualTo(200));
      }
      long stoppedAt = System.nanoTime();

      List<CompletableFuture<RawConnection.Answer>> ends = new ArrayList<>();
      for (RawConnection connection : slow) {
        ends.add(
            CompletableFuture.supplyAsync(
                () -> connection.readUntilClosed(CONNECTION_TIMEOUT.plusSeconds(10))));
      }
      for (CompletableFuture<RawConnection.Answer> end : ends) {
        RawConnection.Answer answer = end.get(30, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(answer.closed()).as("slow connection still open: " + answer.text()).isTrue();
        assertThat(answer.status()).as(answer.text()).isIn(0, 400, 408);
      }
      Duration cutOffAfter = Duration.ofNanos(System.nanoTime() - stoppedAt);
      System.out.printf(
          "slow-loris: 50 trickling connections closed %d ms after their last byte%n",
          cutOffAfter.toMillis());
      assertThat(cutOffAfter).isLessThan(CONNECTION_TIMEOUT.plusSeconds(10));
      assertThat(client.get("/health", null).status()).isEqualTo(200);
    } finally {
      slow.forEach(RawConnection::close);
    }
  }
}
