package dev.flowlet.batch.reconciliation;

import org.springframework.batch.core.listener.SkipListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records each line the load step skipped as an INVALID_LINE result, in the chunk's transaction: if
 * the chunk rolls back, so does the record, and the restarted step skips the line again.
 */
class InvalidLineRecorder implements SkipListener<StatementLine, StatementLine> {

  private final JdbcClient jdbc;
  private final long instanceId;

  InvalidLineRecorder(JdbcClient jdbc, long instanceId) {
    this.jdbc = jdbc;
    this.instanceId = instanceId;
  }

  @Override
  public void onSkipInRead(Throwable t) {
    if (t instanceof InvalidStatementLine invalid) {
      jdbc.sql(
              """
              insert into batch.reconciliation_results (instance_id, category, line_no, reason)
              values (?, 'INVALID_LINE', ?, ?)
              """)
          .params(instanceId, invalid.lineNumber(), invalid.reason())
          .update();
    }
  }
}
