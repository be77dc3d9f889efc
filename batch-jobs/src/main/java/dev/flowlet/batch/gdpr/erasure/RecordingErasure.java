package dev.flowlet.batch.gdpr.erasure;

import dev.flowlet.events.SubjectErased;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code erasureLedgerStep}: appends the erasure to the ledger of record (the Kafka topic, waiting
 * for the acknowledgement), then to its mirror table. A subject erased before keeps its first
 * entry's time, so a second run writes an identical record (compaction keeps one) and no row.
 */
final class RecordingErasure implements Tasklet {

  private final JdbcTemplate jdbc;
  private final ErasureLedger ledger;
  private final ErasureRequests requests;

  RecordingErasure(JdbcTemplate jdbc, ErasureLedger ledger, ErasureRequests requests) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.requests = requests;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    ErasureRun run = ErasureRun.of(contribution);
    requests.progress(run.requestId(), "erasureLedgerStep", 4, ErasureJobConfiguration.STEPS);
    ErasureRequest request = requests.approved(run.requestId(), run.subjectId());
    List<SubjectErased> earlier =
        jdbc.query(
            "select request_id, approved_by, erased_at from erasure_ledger where subject_id = ?",
            (rs, row) ->
                new SubjectErased(
                    run.subjectId().toString(),
                    rs.getString(1),
                    rs.getString(2),
                    rs.getTimestamp(3).toInstant()),
            run.subjectId());
    SubjectErased entry =
        earlier.isEmpty()
            ? new SubjectErased(
                run.subjectId().toString(),
                request.id().toString(),
                request.approvedBy(),
                Instant.parse(run.context().getString(ErasureRun.STARTED_AT)))
            : earlier.get(0);
    ledger.append(entry);
    int mirrored = ErasureLedger.mirror(jdbc, entry);
    run.context().putString(ErasureRun.ERASED_AT, entry.erasedAt().toString());
    run.count("ledger", Map.of("kafkaRecords", 1, "mirrorRowsInserted", mirrored));
    contribution.incrementWriteCount(1 + mirrored);
    return RepeatStatus.FINISHED;
  }
}
