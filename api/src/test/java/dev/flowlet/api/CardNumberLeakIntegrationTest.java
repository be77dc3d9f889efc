package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * Card numbers, accepted or refused, leave no trace in clear: not in the log (even with request and
 * response bodies logged at TRACE), not in any column of any table (outbox payloads, audit records,
 * stored answers included).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@ExtendWith(OutputCaptureExtension.class)
class CardNumberLeakIntegrationTest {

  /** Loggers that would show request bodies, SQL and security decisions when verbose. */
  private static final List<String> VERBOSE_LOGGERS =
      List.of("org.springframework.web", "org.springframework.jdbc", "dev.flowlet");

  // Numbers no other test uses, so that a trace of one can only come from here.
  private static final String ACCEPTED = "4000056655665556";
  private static final String ACCEPTED_AMEX = "371449635398431";
  private static final String WRONG_CHECK_DIGIT = "4000056655665557";
  private static final String TOO_LONG = "40000566556655560000";

  private final ApiClient api;
  private final JdbcClient jdbc;

  CardNumberLeakIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
  }

  @Test
  void neverWritesACardNumberToTheLogOrToTheDatabaseInClear(CapturedOutput output) {
    String operator = api.token("demo-operator");
    String officer = api.token("demo-officer");
    String account = api.openFundedAccount(operator, api.createCustomer(operator), "100000.00");
    LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
    VERBOSE_LOGGERS.forEach(logger -> logging.setLogLevel(logger, LogLevel.TRACE));
    try {
      String accepted =
          api.postTransaction(
                  operator, key(), CardPayments.payment(account, CardPayments.grouped(ACCEPTED)))
              .json()
              .get("id")
              .asString();
      api.postTransaction(operator, key(), CardPayments.payment(account, "3714-496353-98431"));
      api.postTransaction(operator, key(), CardPayments.payment(account, WRONG_CHECK_DIGIT));
      api.postTransaction(operator, key(), CardPayments.payment(account, TOO_LONG));
      api.postTransaction(
          operator,
          key(),
          CardPayments.body(account, "CARD_PAYMENT", "{\"number\":" + WRONG_CHECK_DIGIT + "}"));
      api.postTransaction(
          operator, key(), CardPayments.body(account, "TRANSFER", "\"" + ACCEPTED + "\""));
      api.postTransaction(operator, key(), "{\"card\":{\"number\":\"" + ACCEPTED + "\"");
      api.post(
          "/api/v1/transactions/" + accepted + "/card/reveal",
          officer,
          "{\"reason\":\"Fraud investigation FR-77 on this payment\"}");
      api.post(
          "/api/v1/transactions/" + accepted + "/card/reveal",
          officer,
          "{\"reason\":\"card " + ACCEPTED + " reported stolen\"}");
    } finally {
      VERBOSE_LOGGERS.forEach(logger -> logging.setLogLevel(logger, null));
    }

    // The bodies were logged, and the card was withheld from them.
    assertThat(output.getAll()).contains("CardInput[number withheld]").contains("Revealed[");
    for (String number : List.of(ACCEPTED, ACCEPTED_AMEX, WRONG_CHECK_DIGIT, TOO_LONG)) {
      assertThat(output.getAll())
          .doesNotContain(number)
          .doesNotContain(CardPayments.grouped(number))
          .doesNotContain(number.substring(0, 12));
    }
    assertThat(output.getAll()).doesNotContain("3714-496353-98431");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql("select count(*) from outbox where published_at is null")
                            .query(Long.class)
                            .single())
                    .isZero());
    for (String table :
        jdbc.sql(
                "select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and table_type = 'BASE TABLE'")
            .query(String.class)
            .list()) {
      for (String number : List.of(ACCEPTED, ACCEPTED_AMEX, WRONG_CHECK_DIGIT, TOO_LONG)) {
        assertThat(rowsHolding(table, number)).as("%s rows holding a card number", table).isZero();
      }
    }
    assertThat(rowsHolding("outbox", "4000 0566")).isZero();
    assertThat(rowsHolding("cards", "400005"))
        .as("the scan finds what is there in clear: the BIN")
        .isPositive();
    assertThat(
            jdbc.sql("select count(*) from cards where last4 = '5556' and bin = '400005'")
                .query(Long.class)
                .single())
        .as("the accepted card is stored, encrypted")
        .isOne();
  }

  /** Rows whose text form holds the number in clear, as text or as bytes of a bytea column. */
  private long rowsHolding(String table, String number) {
    String hex = HexFormat.of().formatHex(number.getBytes());
    return jdbc.sql(
            "select count(*) from \"%s\" r where r::text like ? or r::text like ?"
                .formatted(table.replace("\"", "")))
        .params("%" + number + "%", "%" + hex + "%")
        .query(Long.class)
        .single();
  }

  private static String key() {
    return "k-" + UUID.randomUUID();
  }
}
