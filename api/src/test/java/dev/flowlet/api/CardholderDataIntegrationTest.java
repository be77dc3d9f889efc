package dev.flowlet.api;

import static dev.flowlet.api.CardPayments.AMEX;
import static dev.flowlet.api.CardPayments.MASTERCARD;
import static dev.flowlet.api.CardPayments.VISA;
import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/** Card payments through the real API: entry checks, masked answers, audited reveal. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class CardholderDataIntegrationTest {

  private static final String REASON = "Chargeback dispute CB-2291 requested by the issuer";

  private final ApiClient api;
  private final JdbcClient jdbc;
  private final String operator;
  private final String account;

  CardholderDataIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
    this.operator = api.token("demo-operator");
    this.account = api.openFundedAccount(operator, api.createCustomer(operator), "100000.00");
  }

  @Test
  void recordsACardPaymentWithItsCardEncryptedAndAnswersWithTheMaskedCardOnly() {
    String key = UUID.randomUUID().toString();
    String body = CardPayments.payment(account, "4111 1111 1111 1111");

    ApiClient.Response created = api.postTransaction(operator, key, body);
    String id = created.json().get("id").asString();
    ApiClient.Response read = api.get("/api/v1/transactions/" + id, operator);
    ApiClient.Response replayed = api.postTransaction(operator, key, body);

    assertThat(created.status()).isEqualTo(201);
    assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
    for (ApiClient.Response answer : List.of(created, read, replayed)) {
      assertThat(answer.json().get("card").toString())
          .isEqualTo("{\"bin\":\"411111\",\"last4\":\"1111\",\"masked\":\"411111******1111\"}");
      assertThat(answer.body()).doesNotContain(VISA).doesNotContain("1111 1111 1111");
    }
    Map<String, Object> card =
        jdbc.sql(
                """
                select c.bin, c.last4, c.pan_length, c.key_id,
                    position(convert_to(?, 'UTF8') in c.encrypted_pan) as clear_at,
                    length(c.encrypted_pan) as sealed_length
                from transactions t join cards c on c.id = t.card_id where t.id = ?::uuid
                """)
            .params(VISA, id)
            .query()
            .singleRow();
    assertThat(card)
        .containsEntry("bin", "411111")
        .containsEntry("last4", "1111")
        .containsEntry("key_id", "local-demo-1")
        .containsEntry("clear_at", 0)
        .containsEntry("sealed_length", 1 + 12 + 16 + 16);
    assertThat(
            jdbc.sql("select response_body from idempotency_keys where idempotency_key = ?")
                .param(key)
                .query(String.class)
                .single())
        .contains("411111******1111")
        .doesNotContain(VISA);
  }

  @Test
  void recognisesTheSameCardByItsFingerprintAndStoresItOnce() {
    String first = created(CardPayments.payment(account, MASTERCARD));
    String second = created(CardPayments.payment(account, "5555-5555-5555-4444"));

    assertThat(cardIdOf(second)).isEqualTo(cardIdOf(first));
    assertThat(
            jdbc.sql("select count(*) from cards where bin = '555555' and last4 = '4444'")
                .query(Long.class)
                .single())
        .isOne();
  }

  @Test
  void refusesAnIdempotencyKeyReusedWithAnotherCard() {
    String key = UUID.randomUUID().toString();
    String visa = CardPayments.payment(account, VISA);

    api.postTransaction(operator, key, visa);
    ApiClient.Response otherCard =
        api.postTransaction(operator, key, visa.replace(VISA, MASTERCARD));

    assertThat(otherCard.status()).isEqualTo(409);
  }

  @Test
  void takesARefundWithOrWithoutACardAndNoCardOnOtherMovements() {
    ApiClient.Response refundToCard =
        api.postTransaction(
            operator, key(), CardPayments.body(account, "REFUND", "{\"number\":\"" + AMEX + "\"}"));
    ApiClient.Response refund =
        api.postTransaction(operator, key(), CardPayments.body(account, "REFUND", null));
    ApiClient.Response transferWithCard =
        api.postTransaction(
            operator,
            key(),
            CardPayments.body(account, "TRANSFER", "{\"number\":\"" + VISA + "\"}"));

    assertThat(refundToCard.status()).isEqualTo(201);
    assertThat(refundToCard.json().get("card").get("masked").asString())
        .isEqualTo("378282*****0005");
    assertThat(refund.status()).isEqualTo(201);
    assertThat(refund.json().has("card")).isFalse();
    assertFieldError(transferWithCard, "card");
  }

  @Test
  void answersBadCardsWith422OnCardNumberWithoutEchoingTheNumber() {
    ApiClient.Response missing =
        api.postTransaction(operator, key(), CardPayments.body(account, "CARD_PAYMENT", null));
    ApiClient.Response wrongCheckDigit =
        api.postTransaction(operator, key(), CardPayments.payment(account, "4111 1111 1111 1112"));
    ApiClient.Response tooShort =
        api.postTransaction(operator, key(), CardPayments.payment(account, "4111 1111 117"));
    ApiClient.Response letters =
        api.postTransaction(operator, key(), CardPayments.payment(account, "4111 1111 1111 111l"));
    ApiClient.Response numberAsJsonNumber =
        api.postTransaction(
            operator,
            key(),
            CardPayments.body(account, "CARD_PAYMENT", "{\"number\":" + VISA + "}"));
    ApiClient.Response numberAsObject =
        api.postTransaction(
            operator,
            key(),
            CardPayments.body(account, "CARD_PAYMENT", "{\"number\":{\"pan\":\"" + VISA + "\"}}"));
    ApiClient.Response cardAsString =
        api.postTransaction(
            operator, key(), CardPayments.body(account, "CARD_PAYMENT", "\"" + VISA + "\""));

    assertFieldError(missing, "card.number");
    assertFieldError(wrongCheckDigit, "card.number");
    assertFieldError(tooShort, "card.number");
    assertFieldError(letters, "card.number");
    assertFieldError(numberAsJsonNumber, "card.number");
    assertFieldError(numberAsObject, "card.number");
    assertFieldError(cardAsString, "card");
    for (ApiClient.Response answer :
        List.of(
            wrongCheckDigit, tooShort, letters, numberAsJsonNumber, numberAsObject, cardAsString)) {
      assertThat(answer.body())
          .doesNotContain(VISA)
          .doesNotContain("4111111111111112")
          .doesNotContain("4111 1111")
          .doesNotContain("41111111117");
    }
    assertThat(transactionsOnAccount()).isZero();
  }

  @Test
  void answersUnreadableBodiesWithACardWith400WithoutEchoingTheNumber() {
    String valid = CardPayments.payment(account, VISA);
    ApiClient.Response truncated =
        api.postTransaction(operator, key(), valid.substring(0, valid.indexOf(VISA) + 16));
    ApiClient.Response amountOfWrongType =
        api.postTransaction(operator, key(), valid.replace("\"12.50\"", "[\"" + VISA + "\"]"));
    ApiClient.Response unknownType =
        api.postTransaction(operator, key(), valid.replace("CARD_PAYMENT", VISA));

    for (ApiClient.Response answer : List.of(truncated, amountOfWrongType, unknownType)) {
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.contentType()).startsWith("application/problem+json");
      assertThat(answer.body()).doesNotContain(VISA);
    }
    assertThat(transactionsOnAccount()).isZero();
  }

  @Test
  void revealsTheNumberToAComplianceOfficerAndAuditsTheAccess() {
    String id = created(CardPayments.payment(account, CardPayments.grouped(MASTERCARD)));

    ApiClient.Response revealed = reveal(id, api.token("demo-officer"), REASON);

    assertThat(revealed.status()).isEqualTo(200);
    assertThat(revealed.json().get("number").asString()).isEqualTo(MASTERCARD);
    assertThat(revealed.json().get("masked").asString()).isEqualTo("555555******4444");
    assertThat(revealed.header("Cache-Control")).contains("no-store");
    Map<String, Object> audit =
        jdbc.sql(
                """
                select actor, role, subject_id, details->>'reason' as reason,
                    details->>'transactionId' as transaction_id, details->>'card' as card,
                    details::text as details
                from audit_logs where action = 'cardholder_data.accessed' and resource_id = ?
                """)
            .param(id)
            .query()
            .singleRow();
    assertThat(audit)
        .containsEntry("actor", "demo-officer")
        .containsEntry("role", "COMPLIANCE_OFFICER")
        .containsEntry("reason", REASON)
        .containsEntry("transaction_id", id)
        .containsEntry("card", "555555******4444");
    assertThat(audit.get("subject_id")).isNotNull();
    assertThat(audit.get("details").toString()).doesNotContain(MASTERCARD);
  }

  @Test
  void refusesRevealsToOtherRolesWithoutAGoodReasonOrWithoutACard() {
    String id = created(CardPayments.payment(account, VISA));
    String withoutCard = created(CardPayments.body(account, "REFUND", null));
    String officer = api.token("demo-officer");

    ApiClient.Response byOperator = reveal(id, operator, REASON);
    ApiClient.Response byAuditor = reveal(id, api.token("demo-auditor"), REASON);
    ApiClient.Response byAdmin = reveal(id, api.token("demo-admin"), REASON);
    ApiClient.Response shortReason = reveal(id, officer, "because");
    ApiClient.Response cardInReason =
        reveal(id, officer, "customer says card " + VISA + " is hers");
    ApiClient.Response unknown = reveal(UUID.randomUUID().toString(), officer, REASON);
    ApiClient.Response noCard = reveal(withoutCard, officer, REASON);

    assertThat(byOperator.status()).isEqualTo(403);
    assertThat(byAuditor.status()).isEqualTo(403);
    assertThat(byAdmin.status()).isEqualTo(403);
    assertThat(shortReason.status()).isEqualTo(400);
    assertFieldError(cardInReason, "reason");
    assertThat(cardInReason.body()).doesNotContain(VISA);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(noCard.status()).isEqualTo(404);
    assertThat(List.of(byOperator, shortReason, unknown, noCard))
        .allSatisfy(
            answer -> assertThat(answer.contentType()).startsWith("application/problem+json"));
    assertThat(
            jdbc.sql(
                    "select count(*) from audit_logs where action = 'cardholder_data.accessed'"
                        + " and resource_id in (?, ?)")
                .params(id, withoutCard)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void auditsEveryRefusedRevealWithItsRefusalAndNeverACardNumber() {
    String id = created(CardPayments.payment(account, VISA));
    String withoutCard = created(CardPayments.body(account, "REFUND", null));
    String unknown = UUID.randomUUID().toString();
    String officer = api.token("demo-officer");
    List<RefusedReveal> attempts =
        List.of(
            new RefusedReveal(id, "", 400, "reason_missing", id, null),
            new RefusedReveal(id, "{}", 400, "reason_missing", id, null),
            new RefusedReveal(id, "{\"reason\":\"   \"}", 400, "reason_missing", id, null),
            new RefusedReveal(id, "{\"reason\":\"because\"}", 400, "reason_invalid", id, null),
            new RefusedReveal(id, "{\"reason\":", 400, "request_unreadable", id, null),
            new RefusedReveal(
                id,
                "{\"reason\":\"customer says card " + VISA + " is hers\"}",
                422,
                "reason_holds_card_number",
                id,
                null),
            new RefusedReveal(
                "not-a-transaction-id",
                revealBody(REASON),
                400,
                "transaction_id_invalid",
                null,
                null),
            new RefusedReveal(unknown, revealBody(REASON), 404, "card_not_found", unknown, REASON),
            new RefusedReveal(
                withoutCard, revealBody(REASON), 404, "card_not_found", withoutCard, REASON));

    for (RefusedReveal attempt : attempts) {
      String requestId = "refused-reveal-" + UUID.randomUUID();
      ApiClient.Response answer =
          api.post(
              "/api/v1/transactions/" + attempt.transactionId() + "/card/reveal",
              officer,
              attempt.body(),
              Map.of("X-Request-Id", requestId));

      assertThat(answer.status()).as(attempt + " " + answer).isEqualTo(attempt.status());
      assertThat(answer.contentType()).startsWith("application/problem+json");
      Map<String, Object> audit =
          jdbc.sql(
                  """
                  select actor, role, outcome, resource_id, subject_id,
                      details->>'refusal' as refusal, details->>'transactionId' as transaction_id,
                      details->>'reason' as reason, details::text as details
                  from audit_logs where request_id = ?
                  """)
              .param(requestId)
              .query()
              .singleRow();
      assertThat(audit)
          .as(attempt.toString())
          .containsEntry("actor", "demo-officer")
          .containsEntry("role", "COMPLIANCE_OFFICER")
          .containsEntry("outcome", "FAILURE")
          .containsEntry("resource_id", attempt.recordedTransactionId())
          .containsEntry("subject_id", null)
          .containsEntry("refusal", attempt.refusal())
          .containsEntry("transaction_id", attempt.recordedTransactionId())
          .containsEntry("reason", attempt.recordedReason());
      assertThat(audit.get("details").toString()).doesNotContain(VISA).doesNotContain("because");
    }
    String sentAsText = UUID.randomUUID().toString();
    ApiClient.Response notJson =
        api.send(
            "POST",
            "/api/v1/transactions/" + sentAsText + "/card/reveal",
            officer,
            "text/plain",
            REASON);
    assertThat(notJson.status()).isEqualTo(415);
    assertThat(
            jdbc.sql(
                    "select details->>'refusal' from audit_logs where resource_id = ?"
                        + " and action = 'cardholder_data.access_refused'")
                .param(sentAsText)
                .query(String.class)
                .list())
        .containsExactly("request_unreadable");
    assertThat(
            jdbc.sql(
                    "select action from audit_logs where resource_id in (?, ?, ?)"
                        + " and action like 'cardholder_data.%'")
                .params(id, withoutCard, unknown)
                .query(String.class)
                .list())
        .hasSize(attempts.size() - 1)
        .containsOnly("cardholder_data.access_refused");
  }

  /**
   * A reveal request that must be refused, and what its audit record must say.
   *
   * @param recordedReason the reason recorded: only one that passed the rules, as a reveal records
   */
  private record RefusedReveal(
      String transactionId,
      String body,
      int status,
      String refusal,
      String recordedTransactionId,
      String recordedReason) {}

  private static String revealBody(String reason) {
    return "{\"reason\":\"" + reason + "\"}";
  }

  private ApiClient.Response reveal(String transactionId, String token, String reason) {
    return api.post(
        "/api/v1/transactions/" + transactionId + "/card/reveal",
        token,
        "{\"reason\":\"" + reason + "\"}");
  }

  private String created(String body) {
    ApiClient.Response created = api.postTransaction(operator, key(), body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    return created.json().get("id").asString();
  }

  private UUID cardIdOf(String transactionId) {
    return jdbc.sql("select card_id from transactions where id = ?::uuid")
        .param(transactionId)
        .query(UUID.class)
        .single();
  }

  private long transactionsOnAccount() {
    return jdbc.sql(
            "select count(*) from transactions where account_id = ?::uuid and type <> 'DEPOSIT'")
        .param(account)
        .query(Long.class)
        .single();
  }

  private static void assertFieldError(ApiClient.Response answer, String field) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(422);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
  }

  private static String key() {
    return "k-" + UUID.randomUUID();
  }
}
