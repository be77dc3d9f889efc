package dev.flowlet.batch.jobs;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The executions running in this JVM. An execution the repository calls running but that is not
 * here either runs on another instance or was left behind by a crash; {@link
 * JobsSettings#staleAfter} tells the two apart. Every job registers this listener.
 */
@Component
public class RunningExecutions implements JobExecutionListener {

  private final Set<Long> running = ConcurrentHashMap.newKeySet();

  @Override
  public void beforeJob(JobExecution execution) {
    running.add(execution.getId());
  }

  @Override
  public void afterJob(JobExecution execution) {
    running.remove(execution.getId());
  }

  boolean here(long executionId) {
    return running.contains(executionId);
  }
}
