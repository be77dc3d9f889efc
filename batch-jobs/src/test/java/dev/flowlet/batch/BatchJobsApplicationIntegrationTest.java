package dev.flowlet.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class BatchJobsApplicationIntegrationTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final int port;
  private final JdbcClient jdbc;

  BatchJobsApplicationIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.port = port;
    this.jdbc = jdbc;
  }

  @Test
  void keepsItsJobRepositoryInTheBatchSchemaApartFromTheLedger() {
    long tables =
        jdbc.sql(
                "select count(*) from information_schema.tables"
                    + " where table_schema = 'batch' and table_name like 'batch_job%'")
            .query(Long.class)
            .single();

    assertThat(tables).isGreaterThanOrEqualTo(4);
    assertThat(jdbc.sql("select count(*) from batch.batch_job_instance").query(Long.class).single())
        .isZero();
  }

  @Test
  void servesHealthAndPrometheusMetrics() throws Exception {
    HttpResponse<String> health = get("/health");
    HttpResponse<String> metrics = get("/metrics");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("# TYPE jvm_memory_used_bytes gauge");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
