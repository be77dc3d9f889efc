package dev.flowlet.batch.backup;

import dev.flowlet.batch.jobs.FailureReports;
import dev.flowlet.batch.jobs.RunningExecutions;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code backupVerificationJob}: {@code backupDumpStep}, {@code restoreVerificationStep}, {@code
 * backupRetentionStep}. A restart skips the steps that completed: a failed verification is repeated
 * on the same dump, not on a new one.
 */
@Configuration(proxyBeanMethods = false)
class BackupVerificationJobConfiguration {

  static final String JOB_NAME = "backupVerificationJob";

  @Bean
  Job backupVerificationJob(
      JobRepository repository,
      Step backupDumpStep,
      Step restoreVerificationStep,
      Step backupRetentionStep,
      RunningExecutions running,
      FailureReports failures,
      BackupAlerts alerts) {
    return new JobBuilder(JOB_NAME, repository)
        .validator(
            new DefaultJobParametersValidator(
                new String[] {"requestedAt"}, new String[] {"backup"}))
        .listener(running)
        .listener(failures)
        .listener(alerts)
        .start(backupDumpStep)
        .next(restoreVerificationStep)
        .next(backupRetentionStep)
        .build();
  }

  @Bean
  DatabaseAddress flowletDatabase(DataSourceProperties dataSource) {
    return DatabaseAddress.of(
        dataSource.determineUrl(), dataSource.determineUsername(), dataSource.determinePassword());
  }

  @Bean
  PostgresTools postgresTools(BackupSettings settings) {
    return new PostgresTools(settings.pgBinDir());
  }

  @Bean
  Step backupDumpStep(
      JobRepository repository,
      FailureReports failures,
      PlatformTransactionManager transactions,
      DataSource dataSource,
      DatabaseAddress flowletDatabase,
      BackupFolder folder,
      PostgresTools tools,
      BackupMetrics metrics,
      Clock clock) {
    return new StepBuilder("backupDumpStep", repository)
        .listener(failures)
        .tasklet(
            new TakingBackup(dataSource, flowletDatabase, folder, tools, metrics, clock),
            transactions)
        .build();
  }

  @Bean
  Step restoreVerificationStep(
      JobRepository repository,
      FailureReports failures,
      PlatformTransactionManager transactions,
      DataSource dataSource,
      DatabaseAddress flowletDatabase,
      BackupFolder folder,
      PostgresTools tools,
      List<RestoredCopyCheck> checks,
      BackupMetrics metrics,
      BackupSettings settings,
      Clock clock) {
    return new StepBuilder("restoreVerificationStep", repository)
        .listener(failures)
        .tasklet(
            new RestoreVerification(
                dataSource, flowletDatabase, folder, tools, checks, metrics, settings, clock),
            transactions)
        .build();
  }

  @Bean
  Step backupRetentionStep(
      JobRepository repository,
      FailureReports failures,
      PlatformTransactionManager transactions,
      BackupFolder folder,
      BackupSettings settings,
      Clock clock) {
    return new StepBuilder("backupRetentionStep", repository)
        .listener(failures)
        .tasklet(new BackupRetention(folder, settings.retention(), clock), transactions)
        .build();
  }
}
