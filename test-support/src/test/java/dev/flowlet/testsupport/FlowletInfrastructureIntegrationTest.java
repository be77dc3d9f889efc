package dev.flowlet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class FlowletInfrastructureIntegrationTest {

  private final FlowletInfrastructure servers = FlowletInfrastructure.shared();

  @Test
  void isStartedOncePerJvm() {
    assertThat(FlowletInfrastructure.shared()).isSameAs(servers);
  }

  @Test
  void givesEachRunAFreshDatabaseThatAnswers() throws Exception {
    assertThat(servers.databaseName()).matches("flowlet_test_[0-9a-f]{12}");
    try (Connection connection =
            DriverManager.getConnection(
                servers.jdbcUrl(), servers.dbUsername(), servers.dbPassword());
        Statement statement = connection.createStatement()) {
      try (ResultSet one = statement.executeQuery("SELECT 1")) {
        assertThat(one.next()).isTrue();
        assertThat(one.getInt(1)).isEqualTo(1);
      }
      try (ResultSet database = statement.executeQuery("SELECT current_database()")) {
        database.next();
        assertThat(database.getString(1)).isEqualTo(servers.databaseName());
      }
      try (ResultSet tables =
          statement.executeQuery(
              "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
        tables.next();
        assertThat(tables.getInt(1)).as("tables in a fresh database").isZero();
      }
    }
  }

  @Test
  void runsAKafkaBrokerThatCreatesTopicsWithThreePartitions() throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafkaBootstrapServers()))) {
      admin
          .createTopics(
              Set.of(
                  new NewTopic(
                      "flowlet.infrastructure-check.v1", Optional.empty(), Optional.empty())))
          .all()
          .get();

      assertThat(admin.listTopics().names().get()).contains("flowlet.infrastructure-check.v1");
      assertThat(
              admin
                  .describeTopics(Set.of("flowlet.infrastructure-check.v1"))
                  .allTopicNames()
                  .get()
                  .get("flowlet.infrastructure-check.v1")
                  .partitions())
          .hasSize(3);
    }
  }

  @Test
  void runsAnElasticsearchNodeThatReportsItsHealth() throws Exception {
    try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
      HttpResponse<String> health =
          http.send(
              HttpRequest.newBuilder(URI.create(servers.elasticsearchUrl() + "/_cluster/health"))
                  .timeout(Duration.ofSeconds(30))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\"");
    }
  }

  @Test
  void namesItsServersWithSpringBootPropertyNames() {
    assertThat(servers.springProperties())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "spring.datasource.url", servers.jdbcUrl(),
                "spring.datasource.username", servers.dbUsername(),
                "spring.datasource.password", servers.dbPassword(),
                "spring.kafka.bootstrap-servers", servers.kafkaBootstrapServers(),
                "spring.elasticsearch.uris", servers.elasticsearchUrl()));
  }
}
