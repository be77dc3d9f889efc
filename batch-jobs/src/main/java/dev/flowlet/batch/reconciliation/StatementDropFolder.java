package dev.flowlet.batch.reconciliation;

import dev.flowlet.batch.imports.ImportFolder;
import dev.flowlet.batch.problems.FieldError;
import dev.flowlet.batch.problems.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * The drop folder: on {@code flowlet.batch.reconciliation.cron}, every {@code
 * <drop-dir>/<accountId>/*.csv} is reconciled against that account. A file is identified by its
 * path and content, so each tick starts new files, resumes failed runs and leaves running ones
 * alone; once a run of a file has completed, the next tick moves the file to {@code
 * <accountId>/done/}.
 */
@Component
class StatementDropFolder implements SchedulingConfigurer {

  private static final Logger log = LoggerFactory.getLogger(StatementDropFolder.class);

  private final Path dropDir;
  private final String cron;
  private final ReconciliationRequests requests;
  private final JobOperator operator;
  private final Job reconciliationJob;

  StatementDropFolder(
      ReconciliationSettings settings,
      ImportFolder imports,
      ReconciliationRequests requests,
      JobOperator operator,
      Job reconciliationJob) {
    Path configured =
        settings.dropDir() == null ? imports.root().resolve("statements") : settings.dropDir();
    this.dropDir = configured.toAbsolutePath().normalize();
    if (!dropDir.startsWith(imports.root())) {
      throw new IllegalStateException(
          "flowlet.batch.reconciliation.drop-dir must lie inside the import folder "
              + imports.root());
    }
    this.cron = settings.cron();
    this.requests = requests;
    this.operator = operator;
    this.reconciliationJob = reconciliationJob;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    registrar.addCronTask(this::scan, cron);
  }

  /** One pass over the drop folder. */
  void scan() {
    if (!Files.isDirectory(dropDir)) {
      return;
    }
    try (Stream<Path> accounts = Files.list(dropDir)) {
      for (Path accountDir : accounts.filter(Files::isDirectory).sorted().toList()) {
        try (Stream<Path> files = Files.list(accountDir)) {
          for (Path file :
              files
                  .filter(path -> path.getFileName().toString().endsWith(".csv"))
                  .filter(Files::isRegularFile)
                  .sorted()
                  .toList()) {
            reconcile(accountDir.getFileName().toString(), file);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the drop folder " + dropDir, e);
    }
  }

  private void reconcile(String account, Path file) {
    JobParameters parameters;
    try {
      parameters = requests.parameters(Map.of("file", file.toString(), "accountId", account));
    } catch (ProblemException e) {
      log.warn("Drop folder: {} is not reconciled: {}", file, reasons(e));
      return;
    }
    try {
      JobExecution execution = operator.start(reconciliationJob, parameters);
      log.info("Drop folder: reconciling {} as execution {}", file, execution.getId());
    } catch (JobInstanceAlreadyCompleteException e) {
      moveToDone(file);
    } catch (JobExecutionAlreadyRunningException e) {
      log.debug("Drop folder: {} is being reconciled", file);
    } catch (Exception e) {
      log.warn("Drop folder: cannot start reconciling {}: {}", file, e.toString());
    }
  }

  private static void moveToDone(Path file) {
    try {
      Path done = Files.createDirectories(file.resolveSibling("done"));
      Files.move(
          file,
          done.resolve(UUID.randomUUID() + "-" + file.getFileName()),
          StandardCopyOption.ATOMIC_MOVE);
      log.info("Drop folder: {} was reconciled; moved to {}", file, done);
    } catch (IOException e) {
      log.warn("Drop folder: cannot move the reconciled {} to done/: {}", file, e.toString());
    }
  }

  @SuppressWarnings("unchecked")
  private static String reasons(ProblemException e) {
    List<FieldError> errors = (List<FieldError>) e.properties().getOrDefault("errors", List.of());
    return errors.isEmpty()
        ? e.getMessage()
        : String.join(
            "; ", errors.stream().map(error -> error.field() + " " + error.message()).toList());
  }
}
