package dev.flowlet.batch.gdpr.erasure;

import java.time.Clock;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code erasureCaptureStep}: checks the request (an approved erasure of this subject) and captures
 * the subject's name, email and phone before anything is changed: in clear in memory only, as
 * SHA-256 in the job's execution context. A subject already pseudonymised (a second run) has
 * nothing left to capture.
 */
final class CapturingIdentifiers implements Tasklet {

  private final JdbcTemplate jdbc;
  private final ErasureRequests requests;
  private final IdentifierMemory memory;
  private final Clock clock;

  CapturingIdentifiers(
      JdbcTemplate jdbc, ErasureRequests requests, IdentifierMemory memory, Clock clock) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.memory = memory;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    ErasureRun run = ErasureRun.of(contribution);
    requests.approved(run.requestId(), run.subjectId());
    requests.progress(run.requestId(), "erasureCaptureStep", 0, ErasureJobConfiguration.STEPS);
    List<Identifiers> found =
        jdbc.query(
            "select name, email, phone from customers where id = ? and name <> 'erased-' || id",
            (rs, row) -> Identifiers.of(rs.getString(1), rs.getString(2), rs.getString(3)),
            run.subjectId());
    Identifiers identifiers = found.isEmpty() ? Identifiers.of(null, null, null) : found.get(0);
    run.context().putString(ErasureRun.STARTED_AT, clock.instant().toString());
    run.context().putString(ErasureRun.ALREADY_ERASED, Boolean.toString(found.isEmpty()));
    identifiers
        .hashes()
        .forEach((kind, hash) -> run.context().putString(ErasureRun.HASH + kind, hash));
    memory.remember(run.requestId().toString(), identifiers);
    contribution.incrementReadCount();
    return RepeatStatus.FINISHED;
  }
}
