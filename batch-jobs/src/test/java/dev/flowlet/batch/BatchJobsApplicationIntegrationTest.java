package dev.flowlet.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@BatchJobsTest
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
    long batchTables =
        jdbc.sql(
                "select count(*) from information_schema.tables"
                    + " where table_schema = 'batch' and table_name like 'batch_job%'")
            .query(Long.class)
            .single();
    long batchTablesInPublic =
        jdbc.sql(
                "select count(*) from information_schema.tables"
                    + " where table_schema = 'public' and table_name like 'batch_%'")
            .query(Long.class)
            .single();

    assertThat(batchTables).isGreaterThanOrEqualTo(4);
    assertThat(batchTablesInPublic).isZero();
  }

  @Test
  void servesHealthAndPrometheusMetrics() throws Exception {
    HttpResponse<String> health = get("/health");
    HttpResponse<String> metrics = get("/metrics");

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("# TYPE jvm_memory_used_bytes gauge")
        .contains("flowlet_reconciliation_last_run_status")
        .contains("flowlet_reconciliation_breaks_total{")
        .contains("flowlet_backup_last_success_timestamp_seconds")
        .contains("flowlet_backup_last_verified_timestamp_seconds")
        .contains("flowlet_backup_restore_seconds")
        .contains("flowlet_backup_age_seconds");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
