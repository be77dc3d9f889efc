package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.flowlet.testsupport.FlowletInfrastructure;
import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Key rotation across restarts of the real API, each with another key ring: cards stored under key
 * A; B made active with A still present; rotated; then A removed and every card still decrypts. The
 * apps run in a schema of their own, so the shared context of the other tests never sees cards
 * under these test keys.
 */
class CardKeyRotationIntegrationTest {

  private static final String SCHEMA = "cards_rotation";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String KEY_A = randomKey();
  private static final String KEY_B = randomKey();
  private static final String REASON = "Key rotation check: card must still decrypt";

  private static final List<String> CARDS =
      List.of(
          "4111111111111111",
          "5555555555554444",
          "378282246310005",
          "6011111111111117",
          "3530111333300000");

  @Test
  void rotatesEveryCardToTheActiveKeySoThatTheOldKeyCanBeRemoved() throws SQLException {
    Map<String, String> cardByTransaction = new LinkedHashMap<>();
    try (var app = start("ring-a=" + KEY_A, "ring-a")) {
      ApiClient api = client(app);
      String operator = api.token("demo-operator");
      String account = api.openFundedAccount(operator, api.createCustomer(operator), "100000.00");
      for (String card : CARDS) {
        ApiClient.Response created =
            api.postTransaction(
                operator, UUID.randomUUID().toString(), CardPayments.payment(account, card));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        cardByTransaction.put(created.json().get("id").asString(), card);
      }
    }
    assertThat(keyIdsInUse()).containsExactly("ring-a");

    try (var app = start("ring-a=" + KEY_A + ",ring-b=" + KEY_B, "ring-b")) {
      ApiClient api = client(app);
      String admin = api.token("demo-admin");
      ApiClient.Response skippingALockedCard;
      try (Connection otherRotation = connection();
          Connection paymentInFlight = connection()) {
        otherRotation.setAutoCommit(false);
        otherRotation
            .createStatement()
            .execute("select id from cards order by id limit 1 for no key update");
        // What the foreign key of a transaction referencing a card holds until it commits.
        paymentInFlight.setAutoCommit(false);
        paymentInFlight
            .createStatement()
            .execute("select id from cards order by id offset 1 limit 1 for key share");
        skippingALockedCard = rotate(api, admin);
        otherRotation.rollback();
        paymentInFlight.rollback();
      }
      ApiClient.Response resumed = rotate(api, admin);
      ApiClient.Response repeated = rotate(api, admin);
      ApiClient.Response byOperator = rotate(api, api.token("demo-operator"));

      assertThat(skippingALockedCard.body())
          .isEqualTo("{\"rotated\":4,\"remaining\":1,\"activeKeyId\":\"ring-b\"}");
      assertThat(resumed.body())
          .isEqualTo("{\"rotated\":1,\"remaining\":0,\"activeKeyId\":\"ring-b\"}");
      assertThat(repeated.body())
          .isEqualTo("{\"rotated\":0,\"remaining\":0,\"activeKeyId\":\"ring-b\"}");
      assertThat(byOperator.status()).isEqualTo(403);
    }
    assertThat(keyIdsInUse()).containsExactly("ring-b");
    // Batches of two: 4 cards in 2 batches, then 1, then a run with nothing to do.
    assertThat(
            jdbc()
                .sql(
                    "select details->>'rotated' from audit_logs"
                        + " where action = 'cardholder_data.keys_rotated' and actor = 'demo-admin'"
                        + " and details->>'activeKeyId' = 'ring-b' order by occurred_at")
                .query(String.class)
                .list())
        .containsExactly("2", "2", "1", "0");

    try (var app = start("ring-b=" + KEY_B, "ring-b")) {
      ApiClient api = client(app);
      String officer = api.token("demo-officer");
      cardByTransaction.forEach(
          (transaction, card) -> {
            ApiClient.Response revealed =
                api.post(
                    "/api/v1/transactions/" + transaction + "/card/reveal",
                    officer,
                    "{\"reason\":\"" + REASON + "\"}");
            assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
            assertThat(revealed.json().get("number").asString()).isEqualTo(card);
          });
    }

    assertThatThrownBy(() -> start("ring-a=" + KEY_A, "ring-a").close())
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("card key id(s) [ring-b]")
        .hasMessageNotContaining(KEY_A)
        .hasMessageNotContaining(KEY_B);
  }

  private static ConfigurableApplicationContext start(String keys, String activeKeyId) {
    return new SpringApplicationBuilder(ApiApplication.class)
        .profiles("local")
        .initializers(new RealInfrastructure())
        .run(
            "--server.port=0",
            "--spring.datasource.hikari.schema=" + SCHEMA,
            "--spring.flyway.schemas=" + SCHEMA,
            "--spring.kafka.listener.auto-startup=false",
            "--flowlet.api.cards.keys=" + keys,
            "--flowlet.api.cards.active-key-id=" + activeKeyId,
            "--flowlet.api.cards.rotation-batch-size=2");
  }

  private static ApiClient client(ConfigurableApplicationContext app) {
    return new ApiClient(
        Integer.parseInt(app.getEnvironment().getRequiredProperty("local.server.port")));
  }

  private static ApiClient.Response rotate(ApiClient api, String token) {
    return api.post("/api/v1/admin/card-keys/rotate", token, "");
  }

  private static List<String> keyIdsInUse() throws SQLException {
    return jdbc().sql("select distinct key_id from cards").query(String.class).list();
  }

  private static JdbcClient jdbc() throws SQLException {
    return JdbcClient.create(new SingleConnectionDataSource(connection(), false));
  }

  private static Connection connection() throws SQLException {
    FlowletInfrastructure servers = FlowletInfrastructure.shared();
    Connection connection =
        DriverManager.getConnection(servers.jdbcUrl(), servers.dbUsername(), servers.dbPassword());
    connection.setSchema(SCHEMA);
    return connection;
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
