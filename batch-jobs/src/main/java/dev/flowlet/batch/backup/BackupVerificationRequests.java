package dev.flowlet.batch.backup;

import dev.flowlet.batch.jobs.OnDemandJob;
import dev.flowlet.batch.problems.FieldError;
import dev.flowlet.batch.problems.ProblemException;
import dev.flowlet.batch.security.StaffRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.stereotype.Component;

/**
 * {@code POST /api/v1/jobs/backupVerificationJob} with {@code {}} (take a backup now and verify it)
 * or {@code {"backup": "<file name in the backup folder>"}} (verify an existing backup). Every
 * request is a new run; a failed one is resumed with {@code POST
 * /api/v1/jobs/executions/{id}/restart}. Administrators only.
 */
@Component
class BackupVerificationRequests implements OnDemandJob {

  private final BackupFolder folder;
  private final Clock clock;

  BackupVerificationRequests(BackupFolder folder, Clock clock) {
    this.folder = folder;
    this.clock = clock;
  }

  @Override
  public String jobName() {
    return BackupVerificationJobConfiguration.JOB_NAME;
  }

  @Override
  public Set<StaffRole> runners() {
    return Set.of(StaffRole.ADMIN);
  }

  @Override
  public JobParameters parameters(Map<String, Object> request) {
    List<FieldError> errors = new ArrayList<>();
    request.keySet().stream()
        .filter(name -> !name.equals("backup"))
        .sorted()
        .forEach(name -> errors.add(new FieldError(name, "is not a parameter of this job")));
    Object backup = request.get("backup");
    if (backup != null) {
      Path dump = backup instanceof String name ? folder.dump(name) : null;
      if (dump == null) {
        errors.add(
            new FieldError("backup", "must be the file name of a .dump in the backup folder"));
      } else if (!Files.isRegularFile(dump) || folder.manifest(dump).isEmpty()) {
        errors.add(new FieldError("backup", "no backup with its manifest by that name"));
      }
    }
    if (!errors.isEmpty()) {
      throw ProblemException.invalid(errors);
    }
    return newRun(backup == null ? null : backup.toString());
  }

  /** A new run (the schedule uses this with no backup named). */
  JobParameters newRun(String backup) {
    JobParametersBuilder parameters =
        new JobParametersBuilder().addLong("requestedAt", clock.millis(), true);
    if (backup != null) {
      parameters.addString("backup", backup, true);
    }
    return parameters.toJobParameters();
  }
}
