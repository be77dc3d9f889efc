package dev.flowlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;
import tools.jackson.databind.JsonNode;

/** Customers, accounts and balances as an operator sees them through the API. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
class LedgerApiIntegrationTest {

  private final ApiClient api;
  private final JdbcClient jdbc;
  private final String operator;

  LedgerApiIntegrationTest(@LocalServerPort int port, JdbcClient jdbc) {
    this.api = new ApiClient(port);
    this.jdbc = jdbc;
    this.operator = api.token("demo-operator");
  }

  @Test
  void registersAFullProfileReadsItAndAuditsEveryReadAndChange() {
    ApiClient.Response created =
        api.post(
            "/api/v1/customers",
            operator,
            """
            {"name":"Grace Hopper","email":"grace@example.com","phone":"+12025550123",
             "address":{"line1":"1 Navy Way","postalCode":"20001","city":"Washington",
                        "country":"US"},
             "dateOfBirth":"1906-12-09","country":"US"}""");
    String id = created.json().get("id").asString();

    JsonNode read = api.get("/api/v1/customers/" + id, operator).json();
    ApiClient.Response updated =
        api.patch("/api/v1/customers/" + id, operator, "{\"email\":\"hopper@example.com\"}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(read.get("address").get("city").asString()).isEqualTo("Washington");
    assertThat(read.get("dateOfBirth").asString()).isEqualTo("1906-12-09");
    assertThat(updated.json().get("email").asString()).isEqualTo("hopper@example.com");
    assertThat(updated.json().get("phone").asString()).isEqualTo("+12025550123");
    assertThat(
            jdbc.sql("select action from audit_logs where subject_id = ? order by occurred_at")
                .param(id)
                .query(String.class)
                .list())
        .containsExactly("customer.created", "customer.read", "customer.updated");
    assertThat(
            jdbc.sql("select details::text from audit_logs where subject_id = ? and action = ?")
                .params(id, "customer.updated")
                .query(String.class)
                .single())
        .contains("email")
        .doesNotContain("hopper@example.com");
  }

  @Test
  void movesBalancesWithEveryTypeAndATransferDebitsAndCreditsTogether() {
    String customer = api.createCustomer(operator);
    String from = api.openAccount(operator, customer, "EUR");
    String to = api.openAccount(operator, customer, "EUR");

    post(ApiClient.movement("DEPOSIT", from, "1000.00", null));
    post(ApiClient.movement("WITHDRAWAL", from, "100.00", null));
    post(
        ApiClient.movement("CARD_PAYMENT", from, "50.50", null)
            .replace("}}", "},\"card\":{\"number\":\"4111111111111111\"}}"));
    post(ApiClient.movement("REFUND", from, "20.50", null));
    JsonNode transfer = post(ApiClient.movement("TRANSFER", from, "370.00", to));

    assertThat(balance(from)).isEqualTo("500.00");
    assertThat(balance(to)).isEqualTo("370.00");
    assertThat(transfer.get("balanceAfter").asString()).isEqualTo("500.00");
    assertThat(transfer.get("counterparty").get("accountId").asString()).isEqualTo(to);
  }

  @Test
  void refusesToOverdrawAndHonoursAnOverdraftLimit() {
    String customer = api.createCustomer(operator);
    String plain = api.openAccount(operator, customer, "EUR");
    String withOverdraft =
        api.post(
                "/api/v1/accounts",
                operator,
                "{\"customerId\":\"%s\",\"currency\":\"EUR\",\"overdraftLimit\":\"200.00\"}"
                    .formatted(customer))
            .json()
            .get("id")
            .asString();

    ApiClient.Response overdrawn =
        api.postTransaction(operator, key(), ApiClient.movement("WITHDRAWAL", plain, "0.01", null));
    ApiClient.Response withinLimit =
        api.postTransaction(
            operator, key(), ApiClient.movement("WITHDRAWAL", withOverdraft, "200.00", null));
    ApiClient.Response beyondLimit =
        api.postTransaction(
            operator, key(), ApiClient.movement("WITHDRAWAL", withOverdraft, "0.01", null));

    assertThat(overdrawn.status()).isEqualTo(422);
    assertThat(overdrawn.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
    assertThat(withinLimit.status()).isEqualTo(201);
    assertThat(beyondLimit.status()).isEqualTo(422);
    assertThat(balance(withOverdraft)).isEqualTo("-200.00");
    assertThat(
            api.get("/api/v1/accounts/" + withOverdraft, operator)
                .json()
                .get("available")
                .asString())
        .isEqualTo("0.00");
  }

  @Test
  void concurrentWithdrawalsNeverOverdrawTheAccount() throws Exception {
    String account = api.openAccount(operator, api.createCustomer(operator), "EUR");
    post(ApiClient.movement("DEPOSIT", account, "1000.00", null));
    List<Callable<Integer>> withdrawals = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      withdrawals.add(
          () ->
              api.postTransaction(
                      operator, key(), ApiClient.movement("WITHDRAWAL", account, "100.00", null))
                  .status());
    }
    List<Integer> statuses = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
      for (Future<Integer> status : pool.invokeAll(withdrawals)) {
        statuses.add(status.get());
      }
    }

    assertThat(statuses).filteredOn(status -> status == 201).hasSize(10);
    assertThat(statuses).filteredOn(status -> status == 422).hasSize(6);
    assertThat(balance(account)).isEqualTo("0.00");
  }

  @Test
  void transfersBackAndForthConcurrentlyWithoutDeadlockOrLoss() throws Exception {
    String customer = api.createCustomer(operator);
    String a = api.openAccount(operator, customer, "EUR");
    String b = api.openAccount(operator, customer, "EUR");
    post(ApiClient.movement("DEPOSIT", a, "500.00", null));
    post(ApiClient.movement("DEPOSIT", b, "500.00", null));
    List<Callable<Integer>> transfers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String source = i % 2 == 0 ? a : b;
      String target = i % 2 == 0 ? b : a;
      transfers.add(
          () ->
              api.postTransaction(
                      operator, key(), ApiClient.movement("TRANSFER", source, "10.00", target))
                  .status());
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
      for (Future<Integer> status : pool.invokeAll(transfers)) {
        assertThat(status.get()).isEqualTo(201);
      }
    }

    assertThat(balance(a)).isEqualTo("500.00");
    assertThat(balance(b)).isEqualTo("500.00");
  }

  @Test
  void aFrozenAccountMovesNothingAndOnlyAnEmptyAccountCloses() {
    String account = api.openAccount(operator, api.createCustomer(operator), "EUR");
    post(ApiClient.movement("DEPOSIT", account, "10.00", null));

    ApiClient.Response frozen =
        api.patch(
            "/api/v1/accounts/" + account,
            operator,
            "{\"status\":\"FROZEN\",\"reason\":\"investigation 42\"}");
    ApiClient.Response refused =
        api.postTransaction(operator, key(), ApiClient.movement("DEPOSIT", account, "1.00", null));
    ApiClient.Response notEmpty =
        api.patch(
            "/api/v1/accounts/" + account,
            operator,
            "{\"status\":\"CLOSED\",\"reason\":\"customer request\"}");

    assertThat(frozen.json().get("status").asString()).isEqualTo("FROZEN");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(notEmpty.status()).isEqualTo(409);
    assertThat(notEmpty.contentType()).startsWith("application/problem+json");
  }

  @Test
  void listsNewestFirstInPagesWithoutGapsOrRepeatsAndFilters() {
    String customer = api.createCustomer(operator);
    String account = api.openAccount(operator, customer, "EUR");
    String other = api.openAccount(operator, customer, "EUR");
    post(ApiClient.movement("DEPOSIT", other, "5.00", null));
    List<String> created = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      created.add(
          post(ApiClient.movement("DEPOSIT", account, i + ".00", null)).get("id").asString());
    }
    created.add(post(ApiClient.movement("TRANSFER", other, "0.01", account)).get("id").asString());
    post(ApiClient.movement("DEPOSIT", other, "2.00", null));

    List<String> listed = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode page =
          api.get(
                  "/api/v1/transactions?accountId=%s&limit=3%s"
                      .formatted(account, cursor == null ? "" : "&cursor=" + cursor),
                  operator)
              .json();
      page.get("items").forEach(item -> listed.add(item.get("id").asString()));
      cursor =
          page.get("next") == null || page.get("next").isNull()
              ? null
              : page.get("next").asString();
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(listed).containsExactlyElementsOf(created.reversed());
    Set<String> transfers = new HashSet<>();
    api.get("/api/v1/transactions?accountId=" + account + "&type=TRANSFER", operator)
        .json()
        .get("items")
        .forEach(item -> transfers.add(item.get("id").asString()));
    assertThat(transfers).containsExactly(created.getLast());
  }

  @Test
  void anAccountUnderAnotherCustomerIsAnsweredLikeAMissingOne() {
    String owner = api.createCustomer(operator);
    String stranger = api.createCustomer(operator);
    String account = api.openAccount(operator, owner, "EUR");

    ApiClient.Response own =
        api.get("/api/v1/customers/%s/accounts/%s".formatted(owner, account), operator);
    ApiClient.Response foreign =
        api.get("/api/v1/customers/%s/accounts/%s".formatted(stranger, account), operator);
    ApiClient.Response missing =
        api.get(
            "/api/v1/customers/%s/accounts/%s".formatted(stranger, UUID.randomUUID()), operator);

    assertThat(own.status()).isEqualTo(200);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.json().get("detail")).isEqualTo(missing.json().get("detail"));
    assertThat(api.get("/api/v1/customers/" + owner + "/accounts", operator).json().size())
        .isEqualTo(1);
  }

  private JsonNode post(String body) {
    ApiClient.Response response = api.postTransaction(operator, key(), body);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json();
  }

  private String balance(String account) {
    return api.get("/api/v1/accounts/" + account, operator).json().get("balance").asString();
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }
}
