package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * Security headers, request-size and media-type limits, and forwarded headers from a trusted proxy,
 * against the running API (here behind a "proxy" on 127.0.0.1, the test itself).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = SecurityTestContexts.BEHIND_LOCAL_PROXY)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class HttpHardeningIntegrationTest {

  private static final String LOGIN =
      "{\"username\":\"demo-auditor\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}";

  private final HttpCalls http;
  private final ApiClient api;

  HttpHardeningIntegrationTest(@LocalServerPort int port) {
    this.http = new HttpCalls(port);
    this.api = new ApiClient(port);
  }

  @Test
  void putsSecurityHeadersOnEveryAnswerIncludingRefusals() {
    List<ApiClient.Response> answers =
        List.of(
            http.json("GET", "/health", null, null),
            http.json("GET", "/api/v1/transactions/" + UUID.randomUUID(), null, null),
            http.json("GET", "/api/v1/users", api.token("demo-auditor"), null),
            http.json(
                "GET",
                "/api/v1/transactions/" + UUID.randomUUID(),
                api.token("demo-auditor"),
                null),
            http.login("demo-auditor", ApiClient.DEMO_PASSWORD));

    assertThat(answers)
        .extracting(ApiClient.Response::status)
        .containsExactly(200, 401, 403, 404, 200);
    for (ApiClient.Response answer : answers) {
      assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
      assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
      assertThat(answer.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
      assertThat(answer.header("Content-Security-Policy"))
          .startsWith("default-src 'self'; frame-ancestors 'none'")
          .doesNotContain("unsafe");
      assertThat(answer.header("Strict-Transport-Security")).isNull();
    }
    assertThat(answers.get(0).header("Cache-Control")).isNull();
    assertThat(answers.subList(1, 5))
        .allSatisfy(answer -> assertThat(answer.header("Cache-Control")).isEqualTo("no-store"));
  }

  @Test
  void givesSwaggerUiOnlyTheInlineStylesAndDataImagesItNeeds() {
    ApiClient.Response swagger = http.json("GET", "/swagger-ui/index.html", null, null);

    assertThat(swagger.header("Content-Security-Policy"))
        .contains(
            "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "frame-ancestors 'none'")
        .contains("script-src 'self';");
  }

  @Test
  void sendsHstsOnlyWhenATrustedProxyReceivedTheRequestOverHttps() {
    ApiClient.Response overHttps =
        http.json("GET", "/health", null, null, Map.of("X-Forwarded-Proto", "https"));
    ApiClient.Response overHttp =
        http.json("GET", "/health", null, null, Map.of("X-Forwarded-Proto", "http"));

    assertThat(overHttps.header("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000; includeSubDomains");
    assertThat(overHttp.header("Strict-Transport-Security")).isNull();
  }

  @Test
  void refusesABodyOverTheLimitWith413WhetherItsLengthIsDeclaredOrChunked() {
    String huge = "{\"username\":\"" + "x".repeat(70 * 1024) + "\",\"password\":\"p\"}";

    ApiClient.Response declared =
        http.send(
            "POST",
            "/api/v1/auth/token",
            null,
            Map.of("Content-Type", "application/json"),
            BodyPublishers.ofString(huge));
    ApiClient.Response chunked =
        http.send(
            "POST",
            "/api/v1/auth/token",
            null,
            Map.of("Content-Type", "application/json"),
            HttpCalls.chunked(huge));

    for (ApiClient.Response refused : List.of(declared, chunked)) {
      assertThat(refused.status()).isEqualTo(413);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().get("type").asString())
          .isEqualTo("https://flowlet.dev/problems/request-too-large");
      assertThat(refused.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
  }

  @Test
  void passesAChunkedBodyUnderTheLimitThrough() {
    ApiClient.Response login =
        http.send(
            "POST",
            "/api/v1/auth/token",
            null,
            Map.of("Content-Type", "application/json"),
            HttpCalls.chunked(LOGIN));

    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().get("access_token").asString()).isNotBlank();
  }

  @Test
  void answersANonJsonBodyWith415ProblemDetails() {
    ApiClient.Response text =
        http.send(
            "POST",
            "/api/v1/auth/token",
            null,
            Map.of("Content-Type", "text/plain"),
            BodyPublishers.ofString(LOGIN));
    ApiClient.Response form =
        http.send(
            "POST",
            "/api/v1/customers",
            api.token("demo-operator"),
            Map.of("Content-Type", "application/x-www-form-urlencoded"),
            BodyPublishers.ofString("name=Eve&email=eve%40example.com&country=FR"));

    for (ApiClient.Response refused : List.of(text, form)) {
      assertThat(refused.status()).isEqualTo(415);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().get("type").asString())
          .isEqualTo("https://flowlet.dev/problems/unsupported-media-type");
    }
  }

  @Test
  void answersJsonWithoutAnAcceptHeaderAndAProblemFor406() {
    ApiClient.Response noAccept =
        http.send(
            "POST",
            "/api/v1/auth/token",
            null,
            Map.of("Content-Type", "application/json"),
            BodyPublishers.ofString(LOGIN));
    ApiClient.Response anything =
        http.send(
            "POST",
            "/api/v1/auth/token",
            null,
            Map.of("Content-Type", "application/json", "Accept", "*/*"),
            BodyPublishers.ofString(LOGIN));
    ApiClient.Response xml =
        http.send(
            "POST",
            "/api/v1/auth/token",
            null,
            Map.of("Content-Type", "application/json", "Accept", "application/xml"),
            BodyPublishers.ofString(LOGIN));
    ApiClient.Response errorForHtml =
        http.json(
            "GET",
            "/api/v1/transactions/" + UUID.randomUUID(),
            api.token("demo-auditor"),
            null,
            Map.of("Accept", "text/html"));

    assertThat(noAccept.status()).isEqualTo(200);
    assertThat(noAccept.contentType()).startsWith("application/json");
    assertThat(anything.status()).isEqualTo(200);
    assertThat(xml.status()).isEqualTo(406);
    assertThat(xml.contentType()).startsWith("application/problem+json");
    assertThat(xml.json().get("type").asString())
        .isEqualTo("https://flowlet.dev/problems/not-acceptable");
    assertThat(errorForHtml.status()).isEqualTo(404);
    assertThat(errorForHtml.contentType()).startsWith("application/problem+json");
  }

  @Test
  void doesNotRateLimitWhenRateLimitsAreSwitchedOff() {
    String auditor = api.token("demo-auditor");

    for (int i = 0; i < 40; i++) {
      assertThat(
              http.json("GET", "/api/v1/transactions/" + UUID.randomUUID(), auditor, null).status())
          .isEqualTo(404);
    }
  }
}
