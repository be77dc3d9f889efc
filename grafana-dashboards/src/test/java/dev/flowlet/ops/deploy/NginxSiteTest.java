package dev.flowlet.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flowlet.ops.debian.DebianTool.Run;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/nginx/flowlet.conf: accepted by {@code nginx -t} as written, and, run by a real nginx in
 * front of a stand-in API (listen addresses, certificate and log paths moved to a temp folder),
 * doing what the production guide asks. Each test calls from its own loopback address (127.0.0.x),
 * so the per-client rate limits of one test do not throttle another.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NginxSiteTest {

  @TempDir static Path dir;

  private StubBackend api;
  private NginxUnderTest nginx;

  @BeforeAll
  void startNginxInFrontOfAStandInApi() throws Exception {
    api = StubBackend.start();
    nginx = NginxUnderTest.start(dir, api.port());
  }

  @AfterAll
  void stopNginx() throws InterruptedException {
    if (nginx != null) {
      nginx.close();
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void passesNginxConfigurationTestAsWritten(@TempDir Path other) throws Exception {
    Run run = NginxUnderTest.configurationTest(other);

    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertThat(run.output()).contains("test is successful");
  }

  @Test
  void redirectsPlainHttpToHttps() throws Exception {
    HttpResponse<String> response =
        send(
            client(2), get("http://127.0.0.1:" + nginx.httpPort() + "/api/v1/transactions?page=2"));

    assertThat(response.statusCode()).isEqualTo(301);
    assertThat(response.headers().firstValue("Location"))
        .hasValueSatisfying(
            location ->
                assertThat(location)
                    .startsWith("https://")
                    .endsWith("/api/v1/transactions?page=2"));
  }

  @Test
  void forwardsApiCallsWithClientAddressSchemeAndRequestId() throws Exception {
    HttpResponse<String> response =
        send(
            client(3),
            HttpRequest.newBuilder(https("/api/v1/transactions/tx-forwarded"))
                .header("X-Request-Id", "6f1c2a9e-request-from-client")
                .build());

    assertThat(response.statusCode()).isEqualTo(200);
    StubBackend.Received received = receivedAt("/api/v1/transactions/tx-forwarded");
    assertThat(received.headers())
        .containsEntry("x-forwarded-for", "127.0.0.3")
        .containsEntry("x-real-ip", "127.0.0.3")
        .containsEntry("x-forwarded-proto", "https")
        .containsEntry("x-request-id", "6f1c2a9e-request-from-client");
  }

  @Test
  void givesARequestIdWhenTheClientSentNone() throws Exception {
    send(client(4), get(https("/api/v1/transactions/tx-without-id")));

    assertThat(receivedAt("/api/v1/transactions/tx-without-id").headers().get("x-request-id"))
        .matches("[0-9a-f]{32}");
  }

  @Test
  void sendsTheSecurityHeadersOnAnswersAndErrors() throws Exception {
    HttpClient client = client(5);
    for (String path : List.of("/api/v1/accounts", "/not-the-api")) {
      HttpResponse<String> response = send(client, get(https(path)));
      assertThat(response.headers().firstValue("Strict-Transport-Security"))
          .as(path)
          .hasValue("max-age=31536000; includeSubDomains");
      assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy"))
          .hasValue("strict-origin-when-cross-origin");
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(
              csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
      assertThat(response.headers().firstValue("Server")).as("no version").hasValue("nginx");
    }
  }

  @Test
  void neverServesMetricsOrAnythingOutsideTheApi() throws Exception {
    HttpClient client = client(6);

    assertThat(send(client, get(https("/metrics"))).statusCode()).isEqualTo(403);
    assertThat(send(client, get(https("/metrics/jvm"))).statusCode()).isEqualTo(403);
    assertThat(send(client, get(https("/swagger-ui.html"))).statusCode()).isEqualTo(404);
    assertThat(api.received())
        .extracting(StubBackend.Received::path)
        .noneMatch(path -> path.startsWith("/metrics") || path.startsWith("/swagger"));
  }

  @Test
  void refusesRequestBodiesOver64Kilobytes() throws Exception {
    HttpClient client = client(7);

    assertThat(send(client, post("/api/v1/transactions", 60 * 1024)).statusCode()).isEqualTo(200);
    assertThat(send(client, post("/api/v1/transactions", 70 * 1024)).statusCode()).isEqualTo(413);
  }

  @Test
  void limitsTokenRequestsPerClientToFivePerSecondWithABurstOfTen() throws Exception {
    HttpClient client = client(8);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      statuses.add(send(client, post("/api/v1/auth/token", 40)).statusCode());
    }

    assertThat(statuses.subList(0, 11)).as("the rate plus the burst pass").containsOnly(200);
    assertThat(statuses).as("then 429").contains(429).containsOnly(200, 429);
    assertThat(send(client, get(https("/api/v1/transactions/after-auth-burst"))).statusCode())
        .as("the API zone is separate from the auth zone")
        .isEqualTo(200);
    assertThat(send(client(9), post("/api/v1/auth/token", 40)).statusCode())
        .as("another client is not limited")
        .isEqualTo(200);
  }

  @Test
  void limitsApiRequestsPerClientToTenPerSecondWithABurstOfTwenty() throws Exception {
    HttpClient client = client(10);
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      statuses.add(send(client, get(https("/api/v1/transactions/burst-" + i))).statusCode());
    }

    assertThat(statuses.subList(0, 21)).as("the rate plus the burst pass").containsOnly(200);
    assertThat(statuses).as("then 429").contains(429).containsOnly(200, 429);
  }

  @Test
  void proxiesHealthWithoutLoggingIt() throws Exception {
    HttpClient client = client(11);

    HttpResponse<String> health = send(client, get(https("/health")));
    HttpResponse<String> readiness = send(client, get(https("/health/readiness")));
    send(client, get(https("/api/v1/customers/logged")));

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("UP");
    assertThat(readiness.statusCode()).isEqualTo(200);
    Path accessLog = dir.resolve("flowlet.access.log");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> Files.readString(accessLog).contains("/api/v1/customers/logged"));
    String log = Files.readString(accessLog);
    assertThat(log).doesNotContain("/health");
    assertThat(log).containsPattern("/api/v1/customers/logged .*request_id=[0-9a-f]{32}");
  }

  private StubBackend.Received receivedAt(String path) {
    return api.received().stream()
        .filter(request -> request.path().equals(path))
        .reduce((first, second) -> second)
        .orElseGet(() -> fail("the API never received " + path));
  }

  private URI https(String path) {
    return URI.create("https://127.0.0.1:" + nginx.httpsPort() + path);
  }

  private static HttpRequest get(String uri) {
    return get(URI.create(uri));
  }

  private static HttpRequest get(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
  }

  private HttpRequest post(String path, int bytes) {
    return HttpRequest.newBuilder(https(path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofByteArray(new byte[bytes]))
        .build();
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request)
      throws IOException, InterruptedException {
    return client.send(request, BodyHandlers.ofString());
  }

  /** A client calling from 127.0.0.{@code lastOctet}, trusting the test certificate. */
  private HttpClient client(int lastOctet) throws IOException {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .sslContext(nginx.trustingItsCertificate())
        .localAddress(InetAddress.getByName("127.0.0." + lastOctet))
        .build();
  }
}
