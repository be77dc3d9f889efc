package dev.flowlet.batch.gdpr.erasure;

import dev.flowlet.batch.jobs.OnDemandJob;
import dev.flowlet.batch.problems.FieldError;
import dev.flowlet.batch.problems.ProblemException;
import dev.flowlet.batch.security.StaffRole;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/jobs/erasureReplayJob} with {@code {}}: re-apply the erasure ledger now
 * (after a restore). Administrators only; every request is a new run.
 */
@Component
class ErasureReplayRequests implements OnDemandJob {

  private final Clock clock;

  ErasureReplayRequests(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String jobName() {
    return ErasureReplayJobConfiguration.JOB_NAME;
  }

  @Override
  public Set<StaffRole> runners() {
    return Set.of(StaffRole.ADMIN);
  }

  @Override
  public JobParameters parameters(Map<String, Object> request) {
    List<FieldError> errors =
        request.keySet().stream()
            .sorted()
            .map(name -> new FieldError(name, "is not a parameter of this job"))
            .toList();
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return newRun();
  }

  JobParameters newRun() {
    return new JobParametersBuilder()
        .addLong("requestedAt", clock.millis(), true)
        .toJobParameters();
  }
}
