package dev.flowlet.batch.gdpr.export;

import dev.flowlet.batch.gdpr.GdprJobs;
import dev.flowlet.batch.gdpr.GdprProgress;
import dev.flowlet.batch.gdpr.GdprSettings;
import dev.flowlet.batch.jobs.FailureReports;
import dev.flowlet.batch.jobs.RunningExecutions;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.builder.SimpleJobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gdprExportJob}: one step per data set ({@link ExportDataset#ALL}), then {@code
 * exportArchiveStep}. Job parameters: {@code requestId} and {@code subjectId} (identifying, so a
 * restart resumes the failed run after its last completed data set); {@code attempt} (optional) to
 * run a completed export again. The request's status is kept by {@code gdpr.RequestOutcome}.
 */
@Configuration(proxyBeanMethods = false)
class GdprExportJobConfiguration {

  @Bean
  Job gdprExportJob(
      JobRepository repository,
      PlatformTransactionManager transactions,
      DataSource dataSource,
      JdbcClient jdbc,
      ExportWorkspace workspace,
      GdprProgress progress,
      GdprSettings settings,
      RunningExecutions running,
      FailureReports failures,
      Clock clock) {
    JsonMapper json = JsonMapper.builder().build();
    SimpleJobBuilder job = null;
    for (ExportDataset dataset : ExportDataset.ALL) {
      Step step =
          new StepBuilder(stepName(dataset), repository)
              .listener(failures)
              .tasklet(
                  new DatasetExport(
                      dataset, dataSource, settings.fetchSize(), workspace, progress, json),
                  transactions)
              .build();
      job =
          job == null
              ? new JobBuilder(GdprJobs.EXPORT, repository)
                  .validator(
                      new DefaultJobParametersValidator(
                          new String[] {GdprJobs.REQUEST_ID, GdprJobs.SUBJECT_ID},
                          new String[] {"attempt"}))
                  .listener(running)
                  .listener(failures)
                  .start(step)
              : job.next(step);
    }
    Step archive =
        new StepBuilder("exportArchiveStep", repository)
            .listener(failures)
            .tasklet(new ArchiveAssembly(workspace, jdbc, progress, json, clock), transactions)
            .build();
    return job.next(archive).build();
  }

  /** {@code transactions} becomes {@code exportTransactionsStep}. */
  static String stepName(ExportDataset dataset) {
    StringBuilder name = new StringBuilder("export");
    boolean upper = true;
    for (char c : dataset.name().toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.append("Step").toString();
  }
}
