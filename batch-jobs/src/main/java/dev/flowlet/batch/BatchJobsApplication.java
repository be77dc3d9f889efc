package dev.flowlet.batch;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The batch jobs: reconciliation and backup verification today; GDPR export and erasure and
 * audit-chain verification to come. Its job repository lives in the {@code batch} schema of the
 * Flowlet database; jobs run on demand through {@code /api/v1/jobs} and on cron schedules.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class BatchJobsApplication {

  public static void main(String[] args) {
    SpringApplication.run(BatchJobsApplication.class, args);
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
