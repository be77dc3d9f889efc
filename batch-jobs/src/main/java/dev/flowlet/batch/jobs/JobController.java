package dev.flowlet.batch.jobs;

import dev.flowlet.batch.problems.ProblemException;
import java.net.URI;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The jobs contract of ARCHITECTURE.md, served by batch-jobs on port 5003. */
@RestController
@RequestMapping("/api/v1/jobs")
class JobController {

  private final JobLaunching launching;
  private final JobRepository repository;

  JobController(JobLaunching launching, JobRepository repository) {
    this.launching = launching;
    this.repository = repository;
  }

  /** Starts a job; 202 with the execution's id, to be followed at the Location. */
  @PostMapping(path = "/{jobName}")
  ResponseEntity<Map<String, Long>> start(
      @PathVariable String jobName,
      @RequestBody(required = false) Map<String, Object> parameters,
      Authentication caller) {
    long executionId = launching.start(jobName, parameters == null ? Map.of() : parameters, caller);
    return accepted(executionId);
  }

  @GetMapping(path = "/executions/{executionId}", produces = MediaType.APPLICATION_JSON_VALUE)
  ExecutionView execution(@PathVariable long executionId) {
    JobExecution execution = JobExecutions.find(repository, executionId);
    if (execution == null) {
      throw ProblemException.notFound("job execution with that id");
    }
    return ExecutionView.of(execution);
  }

  /** Resumes a failed, stopped or crashed execution after its last committed chunk. */
  @PostMapping(path = "/executions/{executionId}/restart")
  ResponseEntity<Map<String, Long>> restart(@PathVariable long executionId, Authentication caller) {
    return accepted(launching.restart(executionId, caller));
  }

  private static ResponseEntity<Map<String, Long>> accepted(long executionId) {
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/jobs/executions/" + executionId))
        .body(Map.of("executionId", executionId));
  }
}
