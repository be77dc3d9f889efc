package dev.flowlet.batch.reconciliation;

import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes the results of a chunk of amount groups into {@code batch.reconciliation_results} with one
 * COPY. Unique indexes on (run, line) and (run, ledger row) make a line or a ledger row that would
 * be reported twice fail the chunk instead.
 */
class MatchResultWriter implements ItemWriter<List<MatchResult>> {

  static final String TARGET =
      "batch.reconciliation_results (instance_id, category, line_no, statement_ref, value_date,"
          + " statement_amount, currency, counterparty, ledger_id, ledger_date, ledger_amount,"
          + " ledger_currency, ledger_counterparty, reason)";

  private final DataSource dataSource;
  private final long instanceId;

  MatchResultWriter(DataSource dataSource, long instanceId) {
    this.dataSource = dataSource;
    this.instanceId = instanceId;
  }

  @Override
  public void write(Chunk<? extends List<MatchResult>> chunk) {
    CopyIn copy = new CopyIn();
    for (List<MatchResult> group : chunk) {
      for (MatchResult result : group) {
        var line = result.line();
        var ledger = result.ledger();
        String amount = result.amount().toPlainString();
        copy.field(instanceId).field(result.category().name());
        if (line == null) {
          copy.field(null).field(null).field(null).field(null).field(null).field(null);
        } else {
          copy.field(line.lineNumber())
              .field(line.statementRef())
              .field(line.valueDate())
              .field(amount)
              .field(result.currency())
              .field(line.counterparty());
        }
        if (ledger == null) {
          copy.field(null).field(null).field(null).field(null).field(null);
        } else {
          copy.field(ledger.id())
              .field(ledger.day())
              .field(amount)
              .field(result.currency())
              .field(ledger.counterparty());
        }
        copy.field(result.reason()).endRow();
      }
    }
    copy.into(dataSource, TARGET);
  }
}
