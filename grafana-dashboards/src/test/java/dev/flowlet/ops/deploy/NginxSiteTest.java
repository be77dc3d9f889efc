package dev.flowlet.ops.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.fail;

import dev.flowlet.ops.Repository;
import dev.flowlet.ops.debian.DebianTool;
import dev.flowlet.ops.debian.DebianTool.Run;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
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

  private static final Path SITE = Repository.deploy("nginx/flowlet.conf");

  @TempDir static Path dir;

  private StubBackend api;
  private Process nginx;
  private int httpPort;
  private int httpsPort;
  private SSLContext trustingOurCertificate;

  @BeforeAll
  void startNginxInFrontOfAStandInApi() throws Exception {
    selfSignedCertificate(dir);
    api = StubBackend.start();
    httpPort = freePort();
    httpsPort = freePort();

    String site = withTestPaths(Files.readString(SITE), dir);
    site = replaceRequired(site, "\\n\\s*listen \\[::\\]:\\d+[^;]*;", "");
    site = replaceRequired(site, "listen 80;", "listen 127.0.0.1:" + httpPort + ";");
    site = replaceRequired(site, "listen 443 ssl", "listen 127.0.0.1:" + httpsPort + " ssl");
    site = replaceRequired(site, "server 127\\.0\\.0\\.1:5001", "server 127.0.0.1:" + api.port());
    Path config = wrapper(dir, site, true);

    Path log = dir.resolve("nginx.out");
    nginx =
        DebianTool.NGINX.start(dir, log, "-c", config.toString(), "-p", dir + "/", "-e", "stderr");
    await().atMost(Duration.ofSeconds(30)).until(() -> !nginx.isAlive() || accepts(httpsPort));
    if (!nginx.isAlive()) {
      fail("nginx did not start:\n" + Files.readString(log));
    }
    trustingOurCertificate = sslContextTrusting(dir.resolve("fullchain.pem"));
  }

  @AfterAll
  void stopNginx() throws InterruptedException {
    if (nginx != null) {
      nginx.destroy();
      if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
        nginx.destroyForcibly();
      }
    }
    if (api != null) {
      api.close();
    }
  }

  @Test
  void passesNginxConfigurationTestAsWritten(@TempDir Path other) throws Exception {
    selfSignedCertificate(other);
    Path config = wrapper(other, withTestPaths(Files.readString(SITE), other), false);

    Run run =
        DebianTool.NGINX.run(
            other, "-t", "-c", config.toString(), "-p", other + "/", "-e", "stderr");

    assertThat(run.succeeded()).as(run.describe()).isTrue();
    assertThat(run.output()).contains("test is successful");
  }

  @Test
  void redirectsPlainHttpToHttps() throws Exception {
    HttpResponse<String> response =
        send(client(2), get("http://127.0.0.1:" + httpPort + "/api/v1/transactions?page=2"));

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
    return URI.create("https://127.0.0.1:" + httpsPort + path);
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
        .sslContext(trustingOurCertificate)
        .localAddress(InetAddress.getByName("127.0.0." + lastOctet))
        .build();
  }

  /** The site with its certificate and log paths moved into {@code folder}. */
  private static String withTestPaths(String site, Path folder) {
    String moved = replaceRequired(site, "/etc/ssl/flowlet/", folder + "/");
    return replaceRequired(moved, "/var/log/nginx/", folder + "/");
  }

  /** A minimal nginx.conf that includes the site, as /etc/nginx/nginx.conf does on Debian. */
  private static Path wrapper(Path folder, String site, boolean foreground) throws IOException {
    Path siteFile = folder.resolve("flowlet.conf");
    Files.writeString(siteFile, site);
    String main =
        (foreground ? "daemon off;\nmaster_process off;\n" : "")
            + """
            pid %1$s/nginx.pid;
            error_log stderr;
            events {}
            http {
              access_log %1$s/access.log;
              client_body_temp_path %1$s/client-body;
              proxy_temp_path %1$s/proxy;
              fastcgi_temp_path %1$s/fastcgi;
              uwsgi_temp_path %1$s/uwsgi;
              scgi_temp_path %1$s/scgi;
              include %2$s;
            }
            """
                .formatted(folder, siteFile);
    Path config = folder.resolve("nginx.conf");
    Files.writeString(config, main);
    return config;
  }

  private static String replaceRequired(String text, String regex, String replacement) {
    Matcher matcher = Pattern.compile(regex).matcher(text);
    if (!matcher.find()) {
      fail("deploy/nginx/flowlet.conf no longer contains /" + regex + "/; adapt this test");
    }
    return matcher.replaceAll(Matcher.quoteReplacement(replacement));
  }

  private static void selfSignedCertificate(Path folder) {
    Run run =
        DebianTool.OPENSSL.run(
            folder,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-keyout",
            "privkey.pem",
            "-out",
            "fullchain.pem",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1,DNS:localhost");
    assertThat(run.succeeded()).as(run.describe()).isTrue();
  }

  private static SSLContext sslContextTrusting(Path certificate) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      trusted.setCertificateEntry(
          "flowlet-test", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean accepts(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
