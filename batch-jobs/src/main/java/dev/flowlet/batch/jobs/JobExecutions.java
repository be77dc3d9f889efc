package dev.flowlet.batch.jobs;

import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.EmptyResultDataAccessException;

/** Looks up executions by id; the JDBC repository throws for an unknown id instead of null. */
public final class JobExecutions {

  private JobExecutions() {}

  /** The execution with that id, or null when there is none. */
  public static @Nullable JobExecution find(JobRepository repository, long executionId) {
    try {
      return repository.getJobExecution(executionId);
    } catch (EmptyResultDataAccessException e) {
      return null;
    }
  }
}
