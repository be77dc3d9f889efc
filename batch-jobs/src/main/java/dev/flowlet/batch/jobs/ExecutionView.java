package dev.flowlet.batch.jobs;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.step.StepExecution;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One job execution as {@code GET /api/v1/jobs/executions/{id}} answers it.
 *
 * @param executionId the execution's id
 * @param jobName which job
 * @param status Spring Batch's status: STARTING, STARTED, COMPLETED, FAILED, STOPPED, ...
 * @param exitStatus the exit code: COMPLETED, FAILED, ...; UNKNOWN while running
 * @param startedAt when it started, null while queued
 * @param endedAt when it ended, null while running
 * @param parameters the job parameters
 * @param progress read, write and skip counts, in total and per step
 * @param report the job's report ({@code {}} until the job has written one)
 */
record ExecutionView(
    long executionId,
    String jobName,
    String status,
    String exitStatus,
    @Nullable Instant startedAt,
    @Nullable Instant endedAt,
    Map<String, Object> parameters,
    Progress progress,
    JsonNode report) {

  static ExecutionView of(JobExecution execution) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    execution.getJobParameters().parameters().stream()
        .sorted(Comparator.comparing(JobParameter::name))
        .forEach(parameter -> parameters.put(parameter.name(), String.valueOf(parameter.value())));
    List<StepProgress> steps =
        execution.getStepExecutions().stream()
            .sorted(Comparator.comparingLong(StepExecution::getId))
            .map(StepProgress::of)
            .toList();
    JsonNode report = JobReports.read(execution);
    return new ExecutionView(
        execution.getId(),
        execution.getJobInstance().getJobName(),
        execution.getStatus().name(),
        execution.getExitStatus().getExitCode(),
        instant(execution.getStartTime()),
        instant(execution.getEndTime()),
        parameters,
        Progress.of(steps),
        report == null ? JsonNodeFactory.instance.objectNode() : report);
  }

  private static @Nullable Instant instant(@Nullable LocalDateTime time) {
    // Spring Batch keeps times as LocalDateTime in the JVM's zone.
    return time == null ? null : time.atZone(ZoneId.systemDefault()).toInstant();
  }

  /**
   * @param readCount items read by every step
   * @param writeCount items written
   * @param skipCount items skipped as bad input (read, process and write skips)
   * @param steps each step's own counts, in the order they ran
   */
  record Progress(long readCount, long writeCount, long skipCount, List<StepProgress> steps) {

    static Progress of(List<StepProgress> steps) {
      return new Progress(
          steps.stream().mapToLong(StepProgress::readCount).sum(),
          steps.stream().mapToLong(StepProgress::writeCount).sum(),
          steps.stream().mapToLong(StepProgress::skipCount).sum(),
          steps);
    }
  }

  /**
   * @param name the step's name
   * @param status its status
   * @param readCount items read
   * @param writeCount items written
   * @param skipCount items skipped
   * @param commitCount chunks committed
   */
  record StepProgress(
      String name,
      String status,
      long readCount,
      long writeCount,
      long skipCount,
      long commitCount,
      @Nullable Instant startedAt,
      @Nullable Instant endedAt) {

    static StepProgress of(StepExecution step) {
      return new StepProgress(
          step.getStepName(),
          step.getStatus().name(),
          step.getReadCount(),
          step.getWriteCount(),
          step.getSkipCount(),
          step.getCommitCount(),
          instant(step.getStartTime()),
          instant(step.getEndTime()));
    }
  }
}
