package dev.flowlet.batch.audit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import dev.flowlet.batch.alerts.AlertPublisher;
import dev.flowlet.batch.jobs.FailureReports;
import dev.flowlet.batch.jobs.RunningExecutions;
import dev.flowlet.events.audit.CheckpointSignatures;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@code auditChainVerificationJob}: one step, {@code auditChainVerificationStep}, that only reads;
 * a restart simply verifies again.
 */
@Configuration(proxyBeanMethods = false)
class AuditChainVerificationJobConfiguration {

  static final String JOB_NAME = "auditChainVerificationJob";

  /** The public half of the streams processor's local demo signing key. */
  static final String DEMO_PUBLIC_KEY =
      "MCowBQYDK2VwAyEAjC61TZw1ZQOGkwcV5zcEBjIivJo3crDJ3DIElrSDXe0=";

  @Bean
  Job auditChainVerificationJob(
      JobRepository repository,
      Step auditChainVerificationStep,
      RunningExecutions running,
      FailureReports failures) {
    return new JobBuilder(JOB_NAME, repository)
        .validator(
            new DefaultJobParametersValidator(new String[] {"requestedAt"}, new String[] {"chain"}))
        .listener(running)
        .listener(failures)
        .start(auditChainVerificationStep)
        .build();
  }

  @Bean
  Step auditChainVerificationStep(
      JobRepository repository,
      FailureReports failures,
      PlatformTransactionManager transactions,
      ElasticsearchClient elasticsearch,
      JdbcClient jdbc,
      AuditSettings settings,
      AuditChainMetrics metrics,
      AlertPublisher alerts,
      Environment environment,
      Clock clock) {
    if (!(elasticsearch._transport() instanceof Rest5ClientTransport transport)) {
      throw new IllegalStateException(
          "The audit chain verification needs Spring Boot's Rest5Client-based ElasticsearchClient");
    }
    return new StepBuilder("auditChainVerificationStep", repository)
        .listener(failures)
        .tasklet(
            new VerifyingAuditChains(
                new AuditIndex(transport.restClient(), settings.pageSize()),
                new StoredCheckpoints(jdbc),
                jdbc,
                publicKeys(settings, environment),
                settings.settle(),
                metrics,
                alerts,
                clock),
            transactions)
        .build();
  }

  /**
   * The configured public keys; the demo key (whose private half is public) only in the {@code
   * local} profile, and at least one key elsewhere.
   */
  static Map<String, PublicKey> publicKeys(AuditSettings settings, Environment environment) {
    Map<String, PublicKey> keys = CheckpointSignatures.publicKeys(settings.publicKeys());
    if (Arrays.asList(environment.getActiveProfiles()).contains("local")) {
      return keys;
    }
    PublicKey demo = CheckpointSignatures.publicKey(DEMO_PUBLIC_KEY);
    if (keys.containsValue(demo)) {
      throw new IllegalStateException(
          "FLOWLET_AUDIT_PUBLIC_KEYS holds the public local demo key; list your own keys only");
    }
    if (keys.isEmpty()) {
      throw new IllegalStateException(
          "FLOWLET_AUDIT_PUBLIC_KEYS must name the key(s) audit checkpoints are signed with");
    }
    return keys;
  }
}
