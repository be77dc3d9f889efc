package dev.flowlet.batch.jobs;

import dev.flowlet.batch.security.StaffRole;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * A job that can be started through the jobs API: its name, who may run it, and how a request's
 * parameters become job parameters. Each job declares one.
 */
public interface OnDemandJob {

  /** The job's bean name, e.g. {@code reconciliationJob}. */
  String jobName();

  /** The roles that may start and restart it. */
  Set<StaffRole> runners();

  /**
   * Checks a request's parameters and turns them into job parameters; the identifying ones decide
   * whether a request starts a new run or resumes a failed one.
   *
   * @param request the JSON object's members (strings, numbers, booleans)
   * @throws dev.flowlet.batch.problems.ProblemException 422 with every invalid parameter
   */
  JobParameters parameters(Map<String, Object> request);
}
