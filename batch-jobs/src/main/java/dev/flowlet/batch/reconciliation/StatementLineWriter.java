package dev.flowlet.batch.reconciliation;

import javax.sql.DataSource;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes a chunk of valid lines into {@code batch.reconciliation_lines} with one COPY. The table's
 * primary key (run, line number) makes a line written twice fail loudly instead of counting twice.
 */
class StatementLineWriter implements ItemWriter<StatementLine> {

  private final DataSource dataSource;
  private final long instanceId;

  StatementLineWriter(DataSource dataSource, long instanceId) {
    this.dataSource = dataSource;
    this.instanceId = instanceId;
  }

  @Override
  public void write(Chunk<? extends StatementLine> chunk) {
    CopyIn copy = new CopyIn();
    for (StatementLine line : chunk) {
      copy.field(instanceId)
          .field(line.lineNumber())
          .field(line.statementRef())
          .field(line.valueDate())
          .field(line.amount().toPlainString())
          .field(line.currency())
          .field(line.counterparty())
          .field(line.transactionId())
          .endRow();
    }
    copy.into(
        dataSource,
        "batch.reconciliation_lines (instance_id, line_no, statement_ref, value_date, amount,"
            + " currency, counterparty, transaction_id)");
  }
}
