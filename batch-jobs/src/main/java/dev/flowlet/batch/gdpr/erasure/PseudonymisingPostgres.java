package dev.flowlet.batch.gdpr.erasure;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code erasurePostgresStep}: pseudonymises the subject's rows and scrubs any residue of their
 * identifiers, in one database transaction (the step's), so a crash leaves all or nothing.
 */
final class PseudonymisingPostgres implements Tasklet {

  private final JdbcTemplate jdbc;
  private final ErasureRequests requests;
  private final IdentifierMemory memory;

  PseudonymisingPostgres(JdbcTemplate jdbc, ErasureRequests requests, IdentifierMemory memory) {
    this.jdbc = jdbc;
    this.requests = requests;
    this.memory = memory;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
    ErasureRun run = ErasureRun.of(contribution);
    requests.progress(run.requestId(), "erasurePostgresStep", 1, ErasureJobConfiguration.STEPS);
    Map<String, Integer> counts =
        new LinkedHashMap<>(new PostgresPseudonymisation(jdbc).apply(run.subjectId()));
    memory
        .recall(run.requestId().toString())
        .ifPresent(
            identifiers ->
                new ResidueScrubbing(jdbc)
                    .scrub(identifiers)
                    .forEach((column, n) -> counts.put("residue." + column, n)));
    run.count("postgresql", counts);
    contribution.incrementWriteCount(counts.values().stream().mapToInt(Integer::intValue).sum());
    return RepeatStatus.FINISHED;
  }
}
