package dev.flowlet.batch.reconciliation;

import dev.flowlet.batch.alerts.AlertPublisher;
import dev.flowlet.batch.jobs.FailureReports;
import dev.flowlet.batch.jobs.RunningExecutions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code reconciliationJob}, its steps, and their step-scoped readers and writers (one instance per
 * step execution, so concurrent runs never share state). Job parameters: {@code file} and {@code
 * accountId} (required), {@code sha256}, {@code from}, {@code to}, {@code rerun}.
 */
@Configuration(proxyBeanMethods = false)
class ReconciliationJobConfiguration {

  static final String JOB_NAME = "reconciliationJob";

  @Bean
  Job reconciliationJob(
      JobRepository repository,
      Step statementLoadStep,
      Step statementCheckStep,
      Step idMatchStep,
      Step amountMatchStep,
      Step breaksReportStep,
      RunningExecutions running,
      FailureReports failures,
      ReconciliationMetrics metrics) {
    return new JobBuilder(JOB_NAME, repository)
        .validator(
            new DefaultJobParametersValidator(
                new String[] {"file", "accountId"}, new String[] {"sha256", "from", "to", "rerun"}))
        .listener(running)
        .listener(failures)
        .listener(metrics)
        .start(statementLoadStep)
        .next(statementCheckStep)
        .next(idMatchStep)
        .next(amountMatchStep)
        .next(breaksReportStep)
        .build();
  }

  @Bean
  Step statementLoadStep(
      JobRepository repository,
      FailureReports failures,
      PlatformTransactionManager transactions,
      StatementLineReader statementLineReader,
      StatementLineWriter statementLineWriter,
      InvalidLineRecorder invalidLineRecorder,
      ReconciliationSettings settings) {
    return new StepBuilder("statementLoadStep", repository)
        .listener(failures)
        .<StatementLine, StatementLine>chunk(settings.chunkSize())
        .transactionManager(transactions)
        .reader(statementLineReader)
        .writer(statementLineWriter)
        .faultTolerant()
        .skip(InvalidStatementLine.class)
        .skipLimit(settings.maxInvalidLines())
        .skipListener(invalidLineRecorder)
        .build();
  }

  @Bean
  @StepScope
  StatementLineReader statementLineReader(
      @Value("#{jobParameters['file']}") String file,
      @Value("#{jobParameters['sha256']}") String sha256,
      ReconciliationSettings settings) {
    return new StatementLineReader(Path.of(file), settings.format(), sha256);
  }

  @Bean
  @StepScope
  StatementLineWriter statementLineWriter(
      DataSource dataSource,
      @Value("#{stepExecution.jobExecution.jobInstanceId}") long instanceId) {
    return new StatementLineWriter(dataSource, instanceId);
  }

  @Bean
  @StepScope
  InvalidLineRecorder invalidLineRecorder(
      JdbcClient jdbc, @Value("#{stepExecution.jobExecution.jobInstanceId}") long instanceId) {
    return new InvalidLineRecorder(jdbc, instanceId);
  }

  @Bean
  Step statementCheckStep(
      JobRepository repository,
      FailureReports failures,
      PlatformTransactionManager transactions,
      JdbcClient jdbc) {
    return new StepBuilder("statementCheckStep", repository)
        .listener(failures)
        .tasklet(new StatementCheck(jdbc), transactions)
        .build();
  }

  @Bean
  Step idMatchStep(
      JobRepository repository,
      FailureReports failures,
      PlatformTransactionManager transactions,
      JdbcClient jdbc,
      ReconciliationSettings settings) {
    return new StepBuilder("idMatchStep", repository)
        .listener(failures)
        .tasklet(new IdMatching(jdbc, settings.zone().getId()), transactions)
        .build();
  }

  @Bean
  Step amountMatchStep(
      JobRepository repository,
      FailureReports failures,
      PlatformTransactionManager transactions,
      AmountGroupReader amountGroupReader,
      AmountMatching amountMatcher,
      MatchResultWriter matchResultWriter,
      ReconciliationSettings settings) {
    return new StepBuilder("amountMatchStep", repository)
        .listener(failures)
        .<AmountGroup, List<MatchResult>>chunk(settings.chunkSize())
        .transactionManager(transactions)
        .reader(amountGroupReader)
        .processor(amountMatcher)
        .writer(matchResultWriter)
        .build();
  }

  @Bean
  @StepScope
  AmountGroupReader amountGroupReader(
      DataSource dataSource,
      @Value("#{stepExecution}") StepExecution step,
      ReconciliationSettings settings) {
    var context = step.getJobExecution().getExecutionContext();
    return new AmountGroupReader(
        dataSource,
        step.getJobExecution().getJobInstanceId(),
        UUID.fromString(step.getJobParameters().getString("accountId")),
        settings.zone(),
        date(context.getString(StatementCheck.FROM, null)),
        date(context.getString(StatementCheck.TO, null)),
        settings.toleranceDays());
  }

  @Bean
  @StepScope
  AmountMatching amountMatcher(
      @Value("#{jobExecutionContext['" + StatementCheck.FROM + "']}") String from,
      @Value("#{jobExecutionContext['" + StatementCheck.TO + "']}") String to,
      ReconciliationSettings settings) {
    return new AmountMatching(date(from), date(to), settings.toleranceDays());
  }

  @Bean
  @StepScope
  MatchResultWriter matchResultWriter(
      DataSource dataSource,
      @Value("#{stepExecution.jobExecution.jobInstanceId}") long instanceId) {
    return new MatchResultWriter(dataSource, instanceId);
  }

  @Bean
  Step breaksReportStep(
      JobRepository repository,
      FailureReports failures,
      PlatformTransactionManager transactions,
      JdbcClient jdbc,
      AlertPublisher alerts,
      ReconciliationMetrics metrics,
      ReconciliationSettings settings) {
    return new StepBuilder("breaksReportStep", repository)
        .listener(failures)
        .tasklet(new BreaksReport(jdbc, alerts, metrics, settings.retention()), transactions)
        .build();
  }

  private static LocalDate date(String value) {
    return value == null ? null : LocalDate.parse(value);
  }
}
