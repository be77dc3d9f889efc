package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document describes the endpoints clients use, and Swagger UI serves it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class OpenApiIntegrationTest {

  private final ApiClient api;
  private final int port;

  OpenApiIntegrationTest(@LocalServerPort int port) {
    this.api = new ApiClient(port);
    this.port = port;
  }

  @Test
  void describesEveryPublicOperationWithBearerAuthentication() {
    ApiClient.Response docs = api.get("/v3/api-docs", null);

    assertThat(docs.status()).isEqualTo(200);
    JsonNode spec = docs.json();
    assertThat(spec.get("openapi").asString()).startsWith("3.");
    JsonNode paths = spec.get("paths");
    assertThat(paths.get("/api/v1/auth/token").has("post")).isTrue();
    assertThat(paths.get("/api/v1/customers").has("post")).isTrue();
    assertThat(paths.get("/api/v1/customers/{id}").has("get")).isTrue();
    assertThat(paths.get("/api/v1/customers/{id}").has("patch")).isTrue();
    assertThat(paths.get("/api/v1/accounts").has("post")).isTrue();
    assertThat(paths.get("/api/v1/accounts/{id}").has("patch")).isTrue();
    assertThat(paths.get("/api/v1/transactions").has("post")).isTrue();
    assertThat(paths.get("/api/v1/transactions").has("get")).isTrue();
    assertThat(paths.get("/api/v1/transactions/{id}").has("get")).isTrue();
    assertThat(
            paths
                .get("/api/v1/transactions")
                .get("post")
                .get("parameters")
                .valueStream()
                .map(parameter -> parameter.get("name").asString()))
        .contains("Idempotency-Key");
    assertThat(
            spec.get("components")
                .get("securitySchemes")
                .get("bearer-jwt")
                .get("scheme")
                .asString())
        .isEqualTo("bearer");
    assertThat(spec.get("components").get("schemas").has("RecordTransaction")).isTrue();
  }

  @Test
  void servesSwaggerUi() throws Exception {
    HttpResponse<String> page =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/swagger-ui.html"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("swagger-ui");
  }
}
