package dev.flowlet.batch.audit;

import dev.flowlet.batch.jobs.OnDemandJob;
import dev.flowlet.batch.problems.FieldError;
import dev.flowlet.batch.problems.ProblemException;
import dev.flowlet.batch.security.StaffRole;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/jobs/auditChainVerificationJob} with {@code {}} (every chain) or {@code
 * {"chain": "<chain id>"}} (one chain). Every request is a new run. Auditors, compliance officers
 * and administrators.
 */
@Component
class AuditChainVerificationRequests implements OnDemandJob {

  private final Clock clock;

  AuditChainVerificationRequests(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String jobName() {
    return AuditChainVerificationJobConfiguration.JOB_NAME;
  }

  @Override
  public Set<StaffRole> runners() {
    return Set.of(StaffRole.AUDITOR, StaffRole.COMPLIANCE_OFFICER, StaffRole.ADMIN);
  }

  @Override
  public JobParameters parameters(Map<String, Object> request) {
    List<FieldError> errors = new ArrayList<>();
    request.keySet().stream()
        .filter(name -> !name.equals("chain"))
        .sorted()
        .forEach(name -> errors.add(new FieldError(name, "is not a parameter of this job")));
    Object chain = request.get("chain");
    if (chain != null && !(chain instanceof String text && text.matches("[A-Za-z0-9._-]{1,100}"))) {
      errors.add(new FieldError("chain", "must be a chain id (letters, digits, . _ -)"));
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return newRun((String) chain);
  }

  /** A new run over every chain, or over {@code chain} only. */
  JobParameters newRun(String chain) {
    JobParametersBuilder parameters =
        new JobParametersBuilder().addLong("requestedAt", clock.millis(), true);
    if (chain != null) {
      parameters.addString("chain", chain, true);
    }
    return parameters.toJobParameters();
  }
}
