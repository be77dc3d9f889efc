package dev.flowlet.testsupport.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.FlowletInfrastructure;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

@SpringJUnitConfig(
    classes = RealInfrastructureIntegrationTest.NoBeans.class,
    initializers = RealInfrastructure.class)
@TestPropertySource(
    properties = {
      "spring.kafka.bootstrap-servers=nowhere.invalid:9092",
      "spring.datasource.url=jdbc:postgresql://nowhere.invalid/app"
    })
class RealInfrastructureIntegrationTest {

  @Configuration(proxyBeanMethods = false)
  static class NoBeans {}

  private final Environment environment;

  RealInfrastructureIntegrationTest(@Autowired Environment environment) {
    this.environment = environment;
  }

  @Test
  void overridesTheAppsOwnSettingsWithTheRealServers() {
    FlowletInfrastructure servers = FlowletInfrastructure.shared();

    assertThat(environment.getProperty("spring.kafka.bootstrap-servers"))
        .isEqualTo(servers.kafkaBootstrapServers());
    assertThat(environment.getProperty("spring.datasource.url")).isEqualTo(servers.jdbcUrl());
    assertThat(environment.getProperty("spring.elasticsearch.uris"))
        .isEqualTo(servers.elasticsearchUrl());
  }

  @Test
  void givesTheAppADatasourceThatConnects() throws Exception {
    try (Connection connection =
        DriverManager.getConnection(
            environment.getProperty("spring.datasource.url"),
            environment.getProperty("spring.datasource.username"),
            environment.getProperty("spring.datasource.password"))) {
      assertThat(connection.isValid(10)).isTrue();
    }
  }
}
