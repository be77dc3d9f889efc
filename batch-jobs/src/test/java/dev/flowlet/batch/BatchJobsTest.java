package dev.flowlet.batch;

import dev.flowlet.batch.backup.TamperingCheck;
import dev.flowlet.testsupport.spring.RealInfrastructure;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestConstructor;

/**
 * The batch-jobs app against the real test servers, with the API's ledger schema applied, the
 * schedules and the automatic resumption of crashed executions off, import and backup folders under
 * {@code target/}, and the test hook that tampers with a restored copy on demand. Every integration
 * test uses this one configuration, so they share one application context (only {@code
 * CrashedExecutionsIntegrationTest} adds crash recovery, in a context of its own that it closes).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "flowlet.batch.reconciliation.cron=-",
      "flowlet.batch.backup.cron=-",
      "flowlet.batch.audit.cron=-",
      "flowlet.batch.import-dir=target/test-import",
      "flowlet.batch.backup.dir=target/test-backups",
      "flowlet.batch.backup.restore-jobs=1",
      "flowlet.batch.reconciliation.chunk-size=1000",
      "flowlet.batch.reconciliation.max-upload-size=1MB",
      "flowlet.batch.jobs.stale-after=1s",
      "flowlet.batch.jobs.resume-crashed=false",
      "flowlet.batch.gdpr.claimer=false",
      "flowlet.batch.gdpr.export-dir=target/test-exports",
      "flowlet.batch.gdpr.fetch-size=100",
      "flowlet.batch.gdpr.resume-after=5s"
    })
@ContextConfiguration(initializers = {RealInfrastructure.class, LedgerSchema.class})
@Import(TamperingCheck.class)
@ActiveProfiles("local")
@TestConstructor(autowireMode = TestConstructor.AutowireMode.ALL)
public @interface BatchJobsTest {}
