package dev.flowlet.batch.gdpr;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a GDPR job's progress into its request ({@code progress} = {@code {"step","done","total"}}
 * and {@code updated_at}) in a transaction of its own, so the API shows it while the step's own
 * transaction is still open. It also serves as the heartbeat the claimer reads to tell a live run
 * from a dead one.
 */
@Component
public class GdprProgress {

  private final JdbcClient jdbc;
  private final TransactionTemplate separately;

  GdprProgress(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separately = new TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * @param step what the job is doing, e.g. the data set being exported (no personal data)
   * @param done units of work finished in that step
   * @param total units of work of that step
   */
  public void report(UUID requestId, String step, long done, long total) {
    separately.executeWithoutResult(
        status ->
            jdbc.sql(
                    """
                    update data_subject_requests
                       set progress = jsonb_build_object('step', ?::text, 'done', ?::bigint,
                                                         'total', ?::bigint),
                           updated_at = now()
                     where id = ?
                    """)
                .params(step, done, total, requestId)
                .update());
  }
}
