package dev.flowlet.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.JobsClient;
import dev.flowlet.batch.Ledger;
import dev.flowlet.batch.Tokens;
import dev.flowlet.batch.imports.ImportFolder;
import dev.flowlet.events.Alert;
import dev.flowlet.events.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A crafted statement with every result category and the awkward parts of real files (a BOM, CRLF
 * line ends, blank lines, quoted commas, a quoted line break, bad dates and amounts, duplicates,
 * debit signs) against a crafted ledger.
 */
@BatchJobsTest
class ReconciliationJobIntegrationTest {

  private static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

  private final JobsClient jobs;
  private final Ledger ledger;
  private final JdbcClient jdbc;
  private final ImportFolder imports;
  private final String operator = Tokens.of("OPERATOR");

  private UUID account;
  private UUID salary;
  private UUID cash;
  private UUID coffee;
  private UUID bakery;
  private UUID butcher;
  private UUID rentShare;
  private UUID savings;
  private UUID refund;
  private UUID earlyDeposit;

  ReconciliationJobIntegrationTest(
      @LocalServerPort int port, JdbcClient jdbc, JdbcTemplate jdbcTemplate, ImportFolder imports) {
    this.jobs = new JobsClient(port);
    this.ledger = new Ledger(jdbc, jdbcTemplate);
    this.jdbc = jdbc;
    this.imports = imports;
  }

  @BeforeEach
  void craftLedger() {
    account = ledger.account("Alice Holder");
    UUID bob = ledger.account("Bob Sender");
    salary = ledger.record(account, "DEPOSIT", "1000.00", MARCH, "Acme Payroll", null);
    cash = ledger.record(account, "WITHDRAWAL", "200.00", MARCH.plusDays(1), "Cash machine", null);
    coffee =
        ledger.record(
            account, "CARD_PAYMENT", "12.50", MARCH.plusDays(2), "Coffee, Bar & Co", null);
    bakery = ledger.record(account, "CARD_PAYMENT", "30.00", MARCH.plusDays(4), "Bakery", null);
    butcher = ledger.record(account, "CARD_PAYMENT", "30.00", MARCH.plusDays(4), "Butcher", null);
    rentShare = ledger.record(bob, "TRANSFER", "75.00", MARCH.plusDays(6), "Alice Holder", account);
    savings = ledger.record(account, "TRANSFER", "40.00", MARCH.plusDays(7), "Savings", bob);
    refund = ledger.record(account, "REFUND", "5.00", MARCH.plusDays(8), "Shop refund", null);
    earlyDeposit =
        ledger.record(account, "DEPOSIT", "99.00", MARCH.minusDays(2), "Early deposit", null);
    ledger.record(bob, "DEPOSIT", "500.00", MARCH.plusDays(4), "Bob's employer", null);
  }

  private String craftedStatement() {
    return "\uFEFF"
        + String.join(
            "\r\n",
            "statement_ref,value_date,amount,currency,counterparty,transaction_id,description",
            "R1,2026-03-01,1000.00,EUR,Acme Payroll," + salary + ",Salary March",
            "R2,2026-03-02,-250.00,EUR,Cash machine," + cash + ",ATM",
            "",
            "R3,2026-03-04,-12.50,EUR,\"Coffee, Bar & Co\",,\"Flat white, two\"",
            "R4,2026-03-06,-30.00,EUR,Butcher,,Meat",
            "R5,2026-03-07,75.00,EUR,Bob Sender,,Rent share",
            "R6,2026-03-08,-40.00,EUR,Savings,,\"Savings\nmonthly\"",
            "R7,2026-03-05,-18.00,EUR,Unknown shop," + UUID.randomUUID() + ",Not ours",
            "R8,2026-03-10,-60.00,EUR,Nowhere,,No such payment",
            "R3,2026-03-04,-12.50,EUR,\"Coffee, Bar & Co\",,Repeated line",
            "R9,2026-03-01,1000.00,EUR,Acme Payroll," + salary + ",Same transaction again",
            "",
            "R10,2026-02-30,-5.00,EUR,Bad date,,x",
            "R11,2026-03-03,\"12,50\",EUR,Bad amount,,x",
            "R12,2026-03-03,-7.00,EUR,Too few fields",
            "R13,2026-03-03,-7.00,EUR,Bad id,not-a-uuid,x")
        + "\r\n";
  }

  @Test
  void reportsEveryCategoryWithLineNumbersForACraftedStatement() throws IOException {
    Path file = statement(craftedStatement());

    long executionId =
        jobs.started(
            operator,
            "reconciliationJob",
            Map.of("file", file.toString(), "accountId", account.toString()));
    JsonNode execution = jobs.finished(operator, executionId);

    assertThat(execution.get("status").asString()).isEqualTo("COMPLETED");
    JsonNode report = execution.get("report");
    assertThat(report.get("summary").get("MATCHED").asLong()).isEqualTo(5);
    assertThat(report.get("summary").get("AMOUNT_MISMATCH").asLong()).isEqualTo(1);
    assertThat(report.get("summary").get("MISSING_IN_LEDGER").asLong()).isEqualTo(2);
    assertThat(report.get("summary").get("MISSING_IN_STATEMENT").asLong()).isEqualTo(2);
    assertThat(report.get("summary").get("DUPLICATE_IN_STATEMENT").asLong()).isEqualTo(2);
    assertThat(report.get("summary").get("INVALID_LINE").asLong()).isEqualTo(4);
    assertThat(report.get("breaks").asLong()).isEqualTo(11);
    assertThat(report.get("from").asString()).isEqualTo("2026-03-01");
    assertThat(report.get("to").asString()).isEqualTo("2026-03-10");
    assertThat(report.get("totals").get("MISSING_IN_STATEMENT").get("ledgerAmount").asString())
        .isEqualTo("-25");

    assertThat(resultOfLine(executionId, 2)).isEqualTo("MATCHED " + salary);
    assertThat(resultOfLine(executionId, 3)).isEqualTo("AMOUNT_MISMATCH " + cash);
    assertThat(resultOfLine(executionId, 5)).isEqualTo("MATCHED " + coffee);
    assertThat(resultOfLine(executionId, 6)).isEqualTo("MATCHED " + butcher);
    assertThat(resultOfLine(executionId, 7)).isEqualTo("MATCHED " + rentShare);
    assertThat(resultOfLine(executionId, 8)).isEqualTo("MATCHED " + savings);
    assertThat(resultOfLine(executionId, 10)).isEqualTo("MISSING_IN_LEDGER null");
    assertThat(resultOfLine(executionId, 11)).isEqualTo("MISSING_IN_LEDGER null");
    assertThat(resultOfLine(executionId, 12)).isEqualTo("DUPLICATE_IN_STATEMENT null");
    assertThat(resultOfLine(executionId, 13)).isEqualTo("DUPLICATE_IN_STATEMENT null");
    assertThat(List.of(15, 16, 17, 18))
        .allSatisfy(
            line -> assertThat(resultOfLine(executionId, line)).isEqualTo("INVALID_LINE null"));
    assertThat(resultOfLedgerRow(executionId, bakery)).isEqualTo("MISSING_IN_STATEMENT");
    assertThat(resultOfLedgerRow(executionId, refund)).isEqualTo("MISSING_IN_STATEMENT");
    assertThat(resultOfLedgerRow(executionId, earlyDeposit))
        .as("a row of the previous statement's days is not a break of this one")
        .isNull();

    JsonNode load = step(execution, "statementLoadStep");
    assertThat(load.get("readCount").asLong()).isEqualTo(10);
    assertThat(load.get("writeCount").asLong()).isEqualTo(10);
    assertThat(load.get("skipCount").asLong()).isEqualTo(4);
  }

  @Test
  void servesTheBreaksReportAsCsvWithReasons() throws IOException {
    Path file = statement(craftedStatement());
    long executionId =
        jobs.started(
            operator,
            "reconciliationJob",
            Map.of("file", file.toString(), "accountId", account.toString()));
    jobs.finished(operator, executionId);

    JobsClient.Response breaks =
        jobs.get(Tokens.of("AUDITOR"), "/api/v1/jobs/executions/" + executionId + "/breaks");

    assertThat(breaks.status()).isEqualTo(200);
    assertThat(breaks.contentType()).startsWith("text/csv");
    List<String> rows = breaks.body().lines().toList();
    assertThat(rows.get(0))
        .isEqualTo(
            "category,line_number,statement_ref,value_date,amount,currency,counterparty,"
                + "transaction_id,ledger_transaction_id,ledger_date,ledger_amount,"
                + "ledger_currency,ledger_counterparty,reason");
    assertThat(rows).hasSize(12);
    assertThat(rows)
        .anySatisfy(
            row ->
                assertThat(row)
                    .startsWith("\"AMOUNT_MISMATCH\",\"3\",\"R2\",\"2026-03-02\",\"-250\"")
                    .contains("the ledger has -200 EUR"))
        .anySatisfy(
            row ->
                assertThat(row)
                    .startsWith("\"INVALID_LINE\",\"15\"")
                    .contains("value date '2026-02-30' is not a date"))
        .anySatisfy(
            row ->
                assertThat(row)
                    .startsWith("\"INVALID_LINE\",\"16\"")
                    .contains("amount '12,50' is not a decimal"))
        .anySatisfy(
            row -> assertThat(row).startsWith("\"INVALID_LINE\",\"17\"").contains("found 5"))
        .anySatisfy(
            row ->
                assertThat(row)
                    .startsWith("\"DUPLICATE_IN_STATEMENT\",\"12\"")
                    .contains("repeats the statement_ref of line 5"))
        .anySatisfy(
            row ->
                assertThat(row)
                    .startsWith("\"MISSING_IN_STATEMENT\",\"\"")
                    .contains(bakery.toString()));
  }

  @Test
  void raisesAnAlertPerBreakCategoryAndCountsBreaksInTheMetrics() throws IOException {
    double before = breaksMetric("MISSING_IN_LEDGER");
    long executionId =
        jobs.started(
            operator,
            "reconciliationJob",
            Map.of(
                "file", statement(craftedStatement()).toString(), "accountId", account.toString()));
    jobs.finished(operator, executionId);

    List<Alert> alerts =
        dev.flowlet.batch.TopicReaders.readAll(Topics.ALERTS).stream()
            .filter(alert -> account.toString().equals(alert.accountId()))
            .toList();
    assertThat(alerts)
        .extracting(Alert::rule)
        .containsExactlyInAnyOrder(
            "reconciliation.AMOUNT_MISMATCH",
            "reconciliation.MISSING_IN_LEDGER",
            "reconciliation.MISSING_IN_STATEMENT",
            "reconciliation.DUPLICATE_IN_STATEMENT",
            "reconciliation.INVALID_LINE");
    assertThat(breaksMetric("MISSING_IN_LEDGER")).isEqualTo(before + 2);
    assertThat(jobs.get(null, "/metrics").body())
        .contains("flowlet_reconciliation_last_run_status{application=\"flowlet-batch-jobs\"} 1.0")
        .contains("spring_batch_job");
  }

  @Test
  void refusesToRunACompletedStatementAgainUnlessAskedToRerunItAndThenGivesTheSameResult()
      throws IOException {
    Map<String, Object> request =
        Map.of("file", statement(craftedStatement()).toString(), "accountId", account.toString());
    long first = jobs.started(operator, "reconciliationJob", request);
    JsonNode firstRun = jobs.finished(operator, first);

    JobsClient.Response again = jobs.start(operator, "reconciliationJob", request);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.json().get("executionId").asLong()).isEqualTo(first);

    Map<String, Object> rerun = new java.util.HashMap<>(request);
    rerun.put("rerun", true);
    long second = jobs.started(operator, "reconciliationJob", rerun);
    JsonNode secondRun = jobs.finished(operator, second);
    assertThat(secondRun.get("report").get("summary"))
        .isEqualTo(firstRun.get("report").get("summary"));
  }

  private Path statement(String content) throws IOException {
    Path folder = Files.createDirectories(imports.root().resolve("crafted"));
    return Files.writeString(
        folder.resolve(UUID.randomUUID() + ".csv"), content, StandardCharsets.UTF_8);
  }

  private String resultOfLine(long executionId, int line) {
    return jdbc.sql(
            """
            select r.category || ' ' || coalesce(r.ledger_id::text, 'null')
              from batch.reconciliation_results r
              join batch.batch_job_execution e on e.job_instance_id = r.instance_id
             where e.job_execution_id = ? and r.line_no = ?
            """)
        .params(executionId, line)
        .query(String.class)
        .single();
  }

  private String resultOfLedgerRow(long executionId, UUID ledgerId) {
    return jdbc.sql(
            """
            select r.category from batch.reconciliation_results r
              join batch.batch_job_execution e on e.job_instance_id = r.instance_id
             where e.job_execution_id = ? and r.ledger_id = ? and r.line_no is null
            """)
        .params(executionId, ledgerId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static JsonNode step(JsonNode execution, String name) {
    return StreamSupport.stream(execution.get("progress").get("steps").spliterator(), false)
        .filter(step -> step.get("name").asString().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private double breaksMetric(String category) {
    return jobs.get(null, "/metrics")
        .body()
        .lines()
        .filter(line -> line.startsWith("flowlet_reconciliation_breaks_total{"))
        .filter(line -> line.contains("category=\"" + category + "\""))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }
}
