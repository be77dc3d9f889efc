package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/** With no trusted proxy (the default), forwarded headers are the client's word and are ignored. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class UntrustedPeerIntegrationTest {

  private final HttpCalls http;
  private final JdbcClient jdbc;

  UntrustedPeerIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.http = new HttpCalls(port);
    this.jdbc = jdbc;
  }

  @Test
  void ignoresASpoofedForwardedForFromAnUntrustedPeer() {
    String requestId = "spoof-" + UUID.randomUUID();

    http.login(
        "demo-auditor",
        ApiClient.DEMO_PASSWORD,
        Map.of("X-Forwarded-For", "203.0.113.66", "X-Request-Id", requestId));

    assertThat(
            jdbc.sql("select source_ip from audit_logs where request_id = ?")
                .param(requestId)
                .query(String.class)
                .single())
        .isEqualTo("127.0.0.1");
  }

  @Test
  void ignoresASpoofedForwardedProtoSoNoHstsOverPlainHttp() {
    ApiClient.Response answer =
        http.json("GET", "/health", null, null, Map.of("X-Forwarded-Proto", "https"));

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Strict-Transport-Security")).isNull();
    assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
  }
}
