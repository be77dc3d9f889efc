package dev.flowlet.batch.gdpr.erasure;

import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code erasureKeyStep}: deletes the subject's data key (crypto-shredding). Every value sealed
 * with it, in Kafka's immutable history, in backups, anywhere, becomes unreadable, and every
 * pseudonym made with it unlinkable.
 */
final class ShreddingSubjectKey implements Tasklet {

  private final JdbcTemplate jdbc;
  private final ErasureRequests requests;

  ShreddingSubjectKey(JdbcTemplate jdbc, ErasureRequests requests) {
    this.jdbc = jdbc;
    this.requests = requests;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    ErasureRun run = ErasureRun.of(contribution);
    requests.progress(run.requestId(), "erasureKeyStep", 3, ErasureJobConfiguration.STEPS);
    int deleted = new PostgresPseudonymisation(jdbc).shredKey(run.subjectId());
    run.count("keys", Map.of("subjectKeysDeleted", deleted));
    contribution.incrementWriteCount(deleted);
    return RepeatStatus.FINISHED;
  }
}
