package dev.flowlet.batch.reconciliation;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import dev.flowlet.batch.jobs.JobExecutions;
import dev.flowlet.batch.problems.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/jobs/executions/{id}/breaks}: the breaks report of a reconciliation run as
 * CSV, one row per result that is not MATCHED, by line number and then ledger date; streamed from
 * the database with a cursor, so a large report costs no heap.
 */
@RestController
class BreaksController {

  static final String[] HEADER = {
    "category",
    "line_number",
    "statement_ref",
    "value_date",
    "amount",
    "currency",
    "counterparty",
    "transaction_id",
    "ledger_transaction_id",
    "ledger_date",
    "ledger_amount",
    "ledger_currency",
    "ledger_counterparty",
    "reason"
  };

  /** Free-text columns, which a spreadsheet must not take for formulas. */
  private static final boolean[] TEXT_COLUMNS = {
    false, false, true, false, false, false, true, false, false, false, false, false, true, true
  };

  private final JobRepository repository;
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;

  BreaksController(JobRepository repository, JdbcTemplate jdbc, TransactionTemplate transactions) {
    this.repository = repository;
    this.jdbc = jdbc;
    this.transactions = transactions;
  }

  /** A leading {@code = + - @} or control character would make a spreadsheet run a formula. */
  static String defused(String text) {
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      return "'" + text;
    }
    return text;
  }

  @GetMapping("/api/v1/jobs/executions/{executionId}/breaks")
  void breaks(@PathVariable long executionId, HttpServletResponse response) throws IOException {
    JobExecution execution = JobExecutions.find(repository, executionId);
    if (execution == null
        || !ReconciliationJobConfiguration.JOB_NAME.equals(
            execution.getJobInstance().getJobName())) {
      throw ProblemException.notFound("reconciliation execution with that id");
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition",
        "attachment; filename=\"reconciliation-" + executionId + "-breaks.csv\"");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Writer out = response.getWriter();
    ICSVWriter csv = new CSVWriter(out);
    csv.writeNext(HEADER, false);
    transactions.executeWithoutResult(
        status ->
            jdbc.query(
                connection -> {
                  var statement =
                      connection.prepareStatement(
                          """
                          select category, line_no, statement_ref, value_date,
                                 trim_scale(statement_amount), currency, counterparty,
                                 transaction_id, ledger_id, ledger_date,
                                 trim_scale(ledger_amount), ledger_currency,
                                 ledger_counterparty, reason
                            from batch.reconciliation_results
                           where instance_id = ? and category <> 'MATCHED'
                           order by line_no nulls last, ledger_date, ledger_id
                          """);
                  statement.setLong(1, execution.getJobInstanceId());
                  statement.setFetchSize(1000);
                  return statement;
                },
                rs -> {
                  String[] row = new String[HEADER.length];
                  for (int i = 0; i < row.length; i++) {
                    String value = rs.getString(i + 1);
                    row[i] = value == null ? "" : TEXT_COLUMNS[i] ? defused(value) : value;
                  }
                  csv.writeNext(row, true);
                }));
    try {
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
