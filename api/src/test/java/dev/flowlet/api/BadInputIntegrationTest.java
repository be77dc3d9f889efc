package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * Everything a client can get wrong is answered with a 4xx problem+json that names the field and
 * never repeats the submitted value, and records nothing. The value {@link #MARKER} is planted in
 * the bad fields to catch echoes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIntegrationTest {

  private static final String MARKER = "4929876543210987";

  private final ApiClient api;
  private final JdbcClient jdbc;
  private String operator;
  private String account;

  BadInputIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
  }

  @BeforeAll
  void openAnAccount() {
    operator = api.token("demo-operator");
    account = api.openAccount(operator, api.createCustomer(operator), "EUR");
  }

  static Stream<Arguments> badTransactions() {
    return Stream.of(
        bad("malformed JSON", "{\"accountId\":", 400, null),
        bad("not an object", "[1,2,3]", 400, null),
        bad("empty body", "", 400, null),
        bad(
            "amount as an object",
            with("\"amount\":\"5.00\"", "\"amount\":{\"v\":1}"),
            400,
            "amount"),
        bad(
            "accountId not a UUID",
            with("\"accountId\":\"ACCOUNT\"", "\"accountId\":\"" + MARKER + "\""),
            400,
            "accountId"),
        bad(
            "accountId a number",
            with("\"accountId\":\"ACCOUNT\"", "\"accountId\":" + MARKER),
            400,
            "accountId"),
        bad("unknown type", with("\"DEPOSIT\"", "\"X" + MARKER + "\""), 400, "type"),
        bad(
            "huge number",
            with("\"amount\":\"5.00\"", "\"amount\":\"9" + MARKER + MARKER + ".00\""),
            400,
            "amount"),
        bad("exponent number", with("\"amount\":\"5.00\"", "\"amount\":1e400"), 400, "amount"),
        bad("negative amount", with("\"5.00\"", "\"-5.00\""), 400, "amount"),
        bad("zero amount", with("\"5.00\"", "\"0.00\""), 422, "amount"),
        bad("unknown currency", with("\"EUR\"", "\"XYZ\""), 422, "currency"),
        bad("lowercase currency", with("\"EUR\"", "\"eur\""), 422, "currency"),
        bad("too many decimals", with("\"5.00\"", "\"5.001\""), 422, "amount"),
        bad("far future date", with("OCCURRED", "2999-01-01T00:00:00Z"), 422, "occurredAt"),
        bad("not a date", with("OCCURRED", "day-" + MARKER), 400, "occurredAt"),
        bad(
            "missing counterparty",
            "{\"accountId\":\"ACCOUNT\",\"type\":\"DEPOSIT\",\"amount\":\"5.00\",\"currency\":\"EUR\",\"occurredAt\":\"OCCURRED\",\"channel\":{\"country\":\"DE\",\"deviceId\":\"d\"}}",
            400,
            "counterparty"),
        bad(
            "bad country",
            with("\"country\":\"DE\"", "\"country\":\"Germany\""),
            400,
            "counterparty.country"),
        bad(
            "unknown account",
            with("\"accountId\":\"ACCOUNT\"", "\"accountId\":\"" + UUID.randomUUID() + "\""),
            422,
            "accountId"),
        bad(
            "transfer without target",
            with("\"DEPOSIT\"", "\"TRANSFER\""),
            422,
            "counterparty.accountId"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badTransactions")
  void answersABadTransactionWithAProblemAndRecordsNothing(
      String description, String body, int status, String field) {
    long before = transactionsOnAccount();

    ApiClient.Response answer =
        api.postTransaction(
            operator,
            UUID.randomUUID().toString(),
            body.replace("ACCOUNT", account).replace("OCCURRED", Instant.now().toString()));

    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    if (field != null) {
      assertThat(
              answer.json().get("errors").valueStream().map(error -> error.get("field").asString()))
          .contains(field);
    }
    assertThat(answer.body()).doesNotContain(MARKER);
    assertThat(transactionsOnAccount()).isEqualTo(before);
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("GET", "/api/v1/transactions/" + UUID.randomUUID(), 404),
        Arguments.of("GET", "/api/v1/transactions/not-a-uuid", 400),
        Arguments.of("GET", "/api/v1/accounts/" + UUID.randomUUID(), 404),
        Arguments.of("GET", "/api/v1/customers/" + UUID.randomUUID(), 404),
        Arguments.of("GET", "/api/v1/customers/" + UUID.randomUUID() + "/accounts", 404),
        Arguments.of("GET", "/api/v1/transactions?limit=0", 422),
        Arguments.of("GET", "/api/v1/transactions?limit=" + MARKER, 400),
        Arguments.of("GET", "/api/v1/transactions?type=" + MARKER, 400),
        Arguments.of("GET", "/api/v1/transactions?from=day-" + MARKER, 400),
        Arguments.of("GET", "/api/v1/transactions?cursor=" + MARKER, 422),
        Arguments.of("GET", "/api/v1/nothing-here", 403),
        Arguments.of("DELETE", "/api/v1/transactions", 403));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badRequests")
  void answersABadRequestWithAProblem(String method, String path, int status) {
    ApiClient.Response answer = api.send(method, path, operator, "application/json", "");

    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.body()).doesNotContain(MARKER);
  }

  private long transactionsOnAccount() {
    return jdbc.sql("select count(*) from transactions where account_id = ?::uuid")
        .param(account)
        .query(Long.class)
        .single();
  }

  private static String with(String from, String to) {
    return TEMPLATE.replace(from, to);
  }

  private static Arguments bad(String description, String body, int status, String field) {
    return Arguments.of(description, body, status, field);
  }

  private static final String TEMPLATE =
      """
      {"accountId":"ACCOUNT","type":"DEPOSIT","amount":"5.00","currency":"EUR",
       "occurredAt":"OCCURRED",
       "counterparty":{"name":"ACME Trading Ltd","country":"DE"},
       "channel":{"country":"GB","deviceId":"device-1"}}""";
}
