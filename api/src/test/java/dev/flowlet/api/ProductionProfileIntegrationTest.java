package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code prod} profile with its secrets from the environment: logs are JSON lines an operator's
 * log pipeline can parse, there are no demo users, and Swagger UI is off.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "flowlet.api.jwt-secret=prod-test-secret-0123456789-0123456789-0123456789",
      "flowlet.api.cards.keys=prod-test-1=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
      "flowlet.api.cards.active-key-id=prod-test-1",
      "flowlet.api.cards.fingerprint-key=ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA="
    })
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("prod")
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileIntegrationTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort private int port;

  @Test
  void logsJsonLinesHasNoDemoUsersAndNoSwaggerUi(CapturedOutput output) {
    ApiClient api = new ApiClient(port);

    ApiClient.Response demoLogin =
        api.post(
            "/api/v1/auth/token",
            null,
            "{\"username\":\"demo-operator\",\"password\":\"" + ApiClient.DEMO_PASSWORD + "\"}");
    ApiClient.Response swagger = api.get("/swagger-ui.html", null);

    assertThat(demoLogin.status()).isEqualTo(401);
    assertThat(swagger.status()).isIn(403, 404);
    List<String> jsonLines = output.getOut().lines().filter(line -> line.startsWith("{")).toList();
    assertThat(jsonLines).isNotEmpty();
    JsonNode line = JSON.readTree(jsonLines.getLast());
    assertThat(line.has("@timestamp")).isTrue();
    assertThat(line.get("log").get("level").asString()).isNotBlank();
    assertThat(line.get("service").get("name").asString()).isEqualTo("flowlet-api");
  }
}
