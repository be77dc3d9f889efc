package dev.flowlet.batch.gdpr.erasure;

import dev.flowlet.batch.jobs.FailureReports;
import dev.flowlet.batch.jobs.JobReports;
import dev.flowlet.batch.jobs.RunningExecutions;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code erasureReplayJob}: re-applies the erasure ledger of record to this database ({@code
 * erasureReplayStep}), in one transaction. Run at start-up and on demand, e.g. after a restore.
 */
@Configuration(proxyBeanMethods = false)
class ErasureReplayJobConfiguration {

  static final String JOB_NAME = "erasureReplayJob";

  @Bean
  Job erasureReplayJob(
      JobRepository repository,
      PlatformTransactionManager transactions,
      RunningExecutions running,
      FailureReports failures,
      ErasureReplay replay,
      JdbcTemplate jdbc) {
    return new JobBuilder(JOB_NAME, repository)
        .listener(running)
        .listener(failures)
        .start(
            new StepBuilder("erasureReplayStep", repository)
                .listener(failures)
                .tasklet(
                    (contribution, chunk) -> {
                      ErasureReplay.Result result = replay.replay(jdbc);
                      contribution.incrementReadCount();
                      JobReports.store(
                          contribution.getStepExecution().getJobExecution(),
                          Map.of(
                              "ledgerEntries", result.entries().size(),
                              "reapplied", result.reapplied(),
                              "mirrored", result.mirrored()));
                      return RepeatStatus.FINISHED;
                    },
                    transactions)
                .build())
        .build();
  }
}
