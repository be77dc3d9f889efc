package dev.flowlet.batch;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The batch jobs: GDPR export and erasure, reconciliation, backup and audit-chain verification. Its
 * job repository lives in the {@code batch} schema of the Flowlet database.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BatchJobsApplication {

  public static void main(String[] args) {
    SpringApplication.run(BatchJobsApplication.class, args);
  }
}
