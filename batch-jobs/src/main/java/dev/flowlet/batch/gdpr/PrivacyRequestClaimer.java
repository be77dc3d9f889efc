package dev.flowlet.batch.gdpr;

import dev.flowlet.batch.gdpr.RequestJobLauncher.Claimed;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts the GDPR jobs: every {@code poll-interval} it claims RECEIVED requests ({@code for update
 * skip locked}, so several instances never claim the same one), marks them RUNNING and launches the
 * job of their type; and it resumes RUNNING requests whose run died with its instance (neither the
 * request nor the job execution updated for {@code resume-after}) by restarting that execution.
 */
@Component
class PrivacyRequestClaimer implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(PrivacyRequestClaimer.class);
  private static final int BATCH = 10;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final RequestJobLauncher launcher;
  private final AbandonedRequests abandoned;
  private final GdprSettings settings;

  PrivacyRequestClaimer(
      JdbcClient jdbc,
      TransactionTemplate transaction,
      RequestJobLauncher launcher,
      AbandonedRequests abandoned,
      GdprSettings settings) {
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.launcher = launcher;
    this.abandoned = abandoned;
    this.settings = settings;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (settings.claimer()) {
      registrar.addFixedDelayTask(this::poll, settings.pollInterval());
    }
  }

  /** One round: start what was received, resume what died. */
  void poll() {
    try {
      claimReceived();
      abandoned.resume();
    } catch (RuntimeException e) {
      log.error("Claiming GDPR requests failed; retrying on the next poll", e);
    }
  }

  /**
   * Claims received requests and starts their jobs; returns how many were started. The claim
   * commits before the start (Spring Batch creates executions outside any caller's transaction); a
   * start that fails hands the request back, and a crash in between leaves it RUNNING without an
   * execution, which {@link AbandonedRequests} picks up.
   */
  int claimReceived() {
    List<String> types = launcher.servedTypes();
    if (types.isEmpty()) {
      return 0;
    }
    List<Claimed> claimed =
        transaction.execute(
            status -> {
              List<Claimed> rows =
                  jdbc.sql(
                          """
                          select id, subject_id, type from data_subject_requests
                           where status = 'RECEIVED' and type in (:types)
                           order by received_at
                           limit :limit
                             for update skip locked
                          """)
                      .param("types", types)
                      .param("limit", BATCH)
                      .query(Claimed.class)
                      .list();
              for (Claimed request : rows) {
                jdbc.sql(
                        """
                        update data_subject_requests
                           set status = 'RUNNING', started_at = now(), handled_by = ?,
                               updated_at = now()
                         where id = ?
                        """)
                    .params(settings.instanceId(), request.id())
                    .update();
              }
              return rows;
            });
    int started = 0;
    for (Claimed request : claimed == null ? List.<Claimed>of() : claimed) {
      try {
        launcher.launch(request, null);
        started++;
      } catch (RuntimeException e) {
        log.error("Cannot start the job of request {}; handing it back", request.id(), e);
        jdbc.sql(
                "update data_subject_requests set status = 'RECEIVED', started_at = null,"
                    + " handled_by = null, updated_at = now() where id = ? and status = 'RUNNING'"
                    + " and job_execution_id is null")
            .param(request.id())
            .update();
      }
    }
    return started;
  }
}
