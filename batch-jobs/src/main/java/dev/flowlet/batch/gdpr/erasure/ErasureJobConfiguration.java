package dev.flowlet.batch.gdpr.erasure;

import dev.flowlet.batch.jobs.FailureReports;
import dev.flowlet.batch.jobs.RunningExecutions;
import java.time.Clock;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code gdprErasureJob} with identifying parameters {@code requestId} and {@code subjectId}:
 * {@code erasureCaptureStep}, {@code erasurePostgresStep}, {@code erasureElasticsearchStep}, {@code
 * erasureKeyStep}, {@code erasureLedgerStep}, {@code erasureProofStep}. Every step is idempotent
 * and a restart resumes at the step that failed.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ErasureSettings.class)
class ErasureJobConfiguration {

  static final String JOB_NAME = "gdprErasureJob";

  /** The number of steps, for progress reports. */
  static final int STEPS = 6;

  @Bean
  ElasticsearchDocuments erasureElasticsearch(ErasureSettings settings) {
    return new ElasticsearchDocuments(
        settings.elasticsearchUrl(),
        settings.elasticsearchUsername(),
        settings.elasticsearchPassword());
  }

  @Bean
  Job gdprErasureJob(
      JobRepository repository,
      PlatformTransactionManager transactions,
      RunningExecutions running,
      FailureReports failures,
      JdbcTemplate jdbc,
      ErasureRequests requests,
      IdentifierMemory memory,
      ElasticsearchDocuments erasureElasticsearch,
      ErasureLedger ledger,
      ErasureSettings settings,
      Clock clock) {
    var steps = new Steps(repository, transactions, failures);
    return new JobBuilder(JOB_NAME, repository)
        .validator(
            new DefaultJobParametersValidator(
                new String[] {"requestId", "subjectId"}, new String[0]))
        .listener(running)
        .listener(failures)
        .start(
            steps.of("erasureCaptureStep", new CapturingIdentifiers(jdbc, requests, memory, clock)))
        .next(steps.of("erasurePostgresStep", new PseudonymisingPostgres(jdbc, requests, memory)))
        .next(
            steps.of(
                "erasureElasticsearchStep",
                new RedactingElasticsearch(erasureElasticsearch, requests, memory, settings)))
        .next(steps.of("erasureKeyStep", new ShreddingSubjectKey(jdbc, requests)))
        .next(steps.of("erasureLedgerStep", new RecordingErasure(jdbc, ledger, requests)))
        .next(
            steps.of(
                "erasureProofStep",
                new ProvingErasure(jdbc, erasureElasticsearch, requests, memory, clock)))
        .build();
  }

  /** Tasklet steps that report their failures. */
  record Steps(
      JobRepository repository, PlatformTransactionManager transactions, FailureReports failures) {

    Step of(String name, Tasklet tasklet) {
      return new StepBuilder(name, repository)
          .listener(failures)
          .tasklet(tasklet, transactions)
          .build();
    }
  }
}
