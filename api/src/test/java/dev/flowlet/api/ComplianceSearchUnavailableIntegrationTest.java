package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.ports.LoopbackPorts;
import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * The API with the real PostgreSQL and Kafka but an Elasticsearch address where nothing listens:
 * searches answer 503 with Retry-After (never 500), the failed search is audited, and the rest of
 * the API keeps working.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(
    initializers = {
      RealInfrastructure.class,
      ComplianceSearchUnavailableIntegrationTest.NoElasticsearch.class
    })
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class ComplianceSearchUnavailableIntegrationTest {

  private final ApiClient api;
  private final JdbcClient jdbc;

  ComplianceSearchUnavailableIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
  }

  @Test
  void answers503WithRetryAfterAndAuditsTheFailedSearchWhileElasticsearchIsDown() {
    String subject = UUID.randomUUID().toString();
    String officer = api.token("demo-officer");

    ApiClient.Response answer =
        api.get("/api/v1/compliance/alerts?subject=" + subject + "&q=structuring", officer);

    assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(Integer.parseInt(answer.header("Retry-After"))).isPositive();
    assertThat(answer.body()).doesNotContain(subject).doesNotContain("structuring");
    Map<String, Object> audited =
        jdbc.sql(
                "select actor, outcome, details->>'error' as error from audit_logs"
                    + " where action = 'compliance.search' and subject_id = ?")
            .param(subject)
            .query()
            .singleRow();
    assertThat(audited)
        .containsEntry("actor", "demo-officer")
        .containsEntry("outcome", "FAILURE")
        .containsEntry("error", "elasticsearch-unavailable");
    assertThat(api.get("/health/readiness", null).status()).isEqualTo(200);
    String operator = api.token("demo-operator");
    assertThat(
            api.post(
                    "/api/v1/customers",
                    operator,
                    "{\"name\":\"Ada Lovelace\",\"email\":\"ada@example.com\",\"country\":\"GB\"}")
                .status())
        .isEqualTo(201);
  }

  /** Points the client at a loopback port where nothing listens, after the real servers' one. */
  static final class NoElasticsearch
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "noElasticsearch",
                  Map.of(
                      "spring.elasticsearch.uris",
                      "http://127.0.0.1:" + LoopbackPorts.pickFree())));
    }
  }
}
