package dev.flowlet.batch.gdpr.erasure;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code erasureProofStep}: searches every text and JSON column of the Flowlet schema and every
 * Flowlet Elasticsearch index for the subject's name, email and phone, and stores the certificate
 * with the request. Fails when any search finds one: an erasure that cannot be proven is not done.
 * The clear identifiers are forgotten afterwards.
 */
final class ProvingErasure implements Tasklet {

  /** Every Flowlet index, the hash-chained audit indices included (searched, never rewritten). */
  static final String ALL_INDICES = "flowlet-*";

  private final JdbcTemplate jdbc;
  private final ElasticsearchDocuments elasticsearch;
  private final ErasureRequests requests;
  private final IdentifierMemory memory;
  private final Clock clock;

  ProvingErasure(
      JdbcTemplate jdbc,
      ElasticsearchDocuments elasticsearch,
      ErasureRequests requests,
      IdentifierMemory memory,
      Clock clock) {
    this.jdbc = jdbc;
    this.elasticsearch = elasticsearch;
    this.requests = requests;
    this.memory = memory;
    this.clock = clock;
  }

  @Override
  public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext)
      throws Exception {
    ErasureRun run = ErasureRun.of(contribution);
    requests.progress(run.requestId(), "erasureProofStep", 5, ErasureJobConfiguration.STEPS);
    ErasureRequest request = requests.approved(run.requestId(), run.subjectId());
    Map<String, String> hashes = run.hashes();
    Optional<Identifiers> clear = memory.recall(run.requestId().toString());
    List<ErasureCheck> checks =
        new ArrayList<>(new PostgresScan(jdbc).search(clear.orElse(null), hashes));
    for (String kind : hashes.keySet()) {
      if (clear.isPresent() && clear.get().values().containsKey(kind)) {
        checks.add(
            new ErasureCheck(
                "elasticsearch",
                ALL_INDICES,
                kind,
                "phrase",
                elasticsearch.countPhrase(ALL_INDICES, clear.get().values().get(kind))));
      } else {
        // Only the hash survived a restart of the JVM: no phrase to search Elasticsearch for.
        checks.add(new ErasureCheck("elasticsearch", ALL_INDICES, kind, "notSearchable", -1));
      }
    }
    long hits = checks.stream().mapToLong(check -> Math.max(0, check.hits())).sum();
    boolean complete = checks.stream().allMatch(check -> check.hits() >= 0);
    ErasureCertificate certificate =
        new ErasureCertificate(
            request.id().toString(),
            request.subjectId().toString(),
            request.requestedBy(),
            request.approvedBy(),
            run.context().getString(ErasureRun.STARTED_AT),
            run.context().getString(ErasureRun.ERASED_AT),
            clock.instant().toString(),
            Boolean.parseBoolean(run.context().getString(ErasureRun.ALREADY_ERASED)),
            complete,
            run.counts(),
            checks,
            hits);
    if (hits > 0) {
      // Ids and places only: which column or index still names the subject, never the value.
      throw new ErasureNotProvenException(
          "Erasure of subject "
              + request.subjectId()
              + " not proven: identifiers found in "
              + checks.stream()
                  .filter(check -> check.hits() > 0)
                  .map(check -> check.store() + ":" + check.target())
                  .distinct()
                  .toList());
    }
    requests.certify(request.id(), certificate.toJson());
    requests.progress(
        run.requestId(),
        "erasureProofStep",
        ErasureJobConfiguration.STEPS,
        ErasureJobConfiguration.STEPS);
    memory.forget(run.requestId().toString());
    contribution.incrementWriteCount(1);
    return RepeatStatus.FINISHED;
  }

  /** Some search of the proof found an identifier of the subject. */
  static final class ErasureNotProvenException extends IllegalStateException {

    ErasureNotProvenException(String message) {
      super(message);
    }
  }
}
