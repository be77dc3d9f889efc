package dev.flowlet.batch.gdpr.erasure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * One run of {@code gdprErasureJob} as its steps see it: the identifying parameters and the job's
 * execution context, where each step leaves its counts for the certificate. The context is saved
 * when a step completes, so a restart skips completed steps and keeps their counts.
 */
record ErasureRun(UUID requestId, UUID subjectId, JobExecution job) {

  static final String COUNT = "erasure.count.";
  static final String HASH = "erasure.sha256.";
  static final String STARTED_AT = "erasure.startedAt";
  static final String ERASED_AT = "erasure.erasedAt";
  static final String ALREADY_ERASED = "erasure.alreadyErased";

  static ErasureRun of(StepContribution contribution) {
    JobExecution job = contribution.getStepExecution().getJobExecution();
    return new ErasureRun(
        UUID.fromString(job.getJobParameters().getString("requestId")),
        UUID.fromString(job.getJobParameters().getString("subjectId")),
        job);
  }

  ExecutionContext context() {
    return job.getExecutionContext();
  }

  void count(String store, Map<String, Integer> counts) {
    counts.forEach((what, n) -> context().putLong(COUNT + store + "." + what, n));
  }

  /** Counts by {@code store.what}, in the order they were recorded. */
  Map<String, Long> counts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    context().entrySet().stream()
        .filter(entry -> entry.getKey().startsWith(COUNT))
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry ->
                counts.put(
                    entry.getKey().substring(COUNT.length()),
                    ((Number) entry.getValue()).longValue()));
    return counts;
  }

  /** SHA-256 of each identifier, by kind. */
  Map<String, String> hashes() {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (String kind : new String[] {"name", "email", "phone"}) {
      if (context().containsKey(HASH + kind)) {
        hashes.put(kind, context().getString(HASH + kind));
      }
    }
    return hashes;
  }
}
