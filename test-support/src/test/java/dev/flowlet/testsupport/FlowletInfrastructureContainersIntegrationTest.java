package dev.flowlet.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * Testcontainers mode must either run real containers or fail the run: never skip. Which of the two
 * this machine exercises depends on whether it has a Docker engine.
 */
class FlowletInfrastructureContainersIntegrationTest {

  @Test
  void startsContainersWithDockerAndFailsLoudlyWithoutIt() throws Exception {
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      assertThatThrownBy(
              () -> FlowletInfrastructure.start(FlowletInfrastructureMode.TESTCONTAINERS))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith(
              "Test infrastructure 'testcontainers' needs a Docker engine and none was found");
      return;
    }
    FlowletInfrastructure containers =
        FlowletInfrastructure.start(FlowletInfrastructureMode.TESTCONTAINERS);
    try (Connection connection =
        DriverManager.getConnection(
            containers.jdbcUrl(), containers.dbUsername(), containers.dbPassword())) {
      assertThat(connection.isValid(10)).isTrue();
      assertThat(containers.kafkaBootstrapServers()).isNotBlank();
      assertThat(containers.elasticsearchUrl()).startsWith("http://");
    } finally {
      containers.stop();
    }
  }
}
