package dev.flowlet.batch.gdpr.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.flowlet.batch.BatchJobsTest;
import dev.flowlet.testsupport.FlowletInfrastructure;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bench/gdpr-erasure.sh}: erasure of a subject with 50,000 transactions (written with COPY)
 * and 50,000 decision documents, of which {@code -Dleaking} (default 10 %) name the subject in a
 * reason; wall time from start to certificate and peak heap of this JVM, next to a baseline
 * measured in the same run: one SQL update of another subject's 50,000 identical rows. Not a test
 * (Surefire runs {@code *Test} classes only); the script names it.
 */
@BatchJobsTest
class GdprErasureBenchmark {

  private static final int ROWS = Integer.getInteger("rows", 50_000);
  private static final double LEAKING = Double.parseDouble(System.getProperty("leaking", "0.1"));

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final JobOperator operator;
  private final JobRepository repository;
  private final Job gdprErasureJob;
  private final HttpClient http = HttpClient.newHttpClient();

  GdprErasureBenchmark(
      JdbcTemplate jdbc,
      DataSource dataSource,
      JobOperator operator,
      JobRepository repository,
      Job gdprErasureJob) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.operator = operator;
    this.repository = repository;
    this.gdprErasureJob = gdprErasureJob;
  }

  @Test
  void erasesASubjectWithFiftyThousandTransactions() throws Exception {
    new SearchIndices();
    DataSubject subject = DataSubject.named("Bench");
    subject.writeTo(jdbc);
    DataSubject twin = DataSubject.named("Twin");
    twin.writeTo(jdbc);
    copyTransactions(subject);
    copyTransactions(twin);
    indexDecisions(subject);
    jdbc.execute("analyze transactions");

    long baselineStart = System.nanoTime();
    int baselineRows =
        jdbc.update(
            "update transactions set channel_device_id = 'erased' where account_id = ?",
            twin.account);
    double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;

    UUID request = subject.erasureRequest(jdbc, "demo-approver");
    System.gc();
    long heapBefore = heapUsed();
    AtomicLong peak = new AtomicLong();
    long start = System.nanoTime();
    JobExecution started =
        operator.start(
            gdprErasureJob,
            new JobParametersBuilder()
                .addString("requestId", request.toString())
                .addString("subjectId", subject.id.toString())
                .toJobParameters());
    await()
        .pollInterval(Duration.ofMillis(20))
        .atMost(Duration.ofMinutes(10))
        .until(
            () -> {
              // The heap is sampled at every poll (20 ms) while the job runs.
              peak.accumulateAndGet(heapUsed(), Math::max);
              return !repository.getJobExecution(started.getId()).isRunning();
            });
    double seconds = (System.nanoTime() - start) / 1e9;
    JobExecution done = repository.getJobExecution(started.getId());
    assertThat(done.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    StringBuilder steps = new StringBuilder();
    done.getStepExecutions()
        .forEach(
            step ->
                steps.append(
                    "%s %.2f s; "
                        .formatted(
                            step.getStepName(),
                            Duration.between(step.getStartTime(), step.getEndTime()).toMillis()
                                / 1000.0)));
    System.out.printf(
        "BENCH gdprErasureJob rows=%d leakingDocuments=%d wall=%.2f s peakHeap=%d MiB"
            + " (heap before start %d MiB; the JVM also hosts the test's Kafka broker)%n",
        ROWS + 3,
        Math.round(ROWS * LEAKING),
        seconds,
        peak.get() / (1024 * 1024),
        heapBefore / (1024 * 1024));
    System.out.println("BENCH steps: " + steps);
    System.out.printf(
        "BENCH baseline: one SQL update of %d rows = %.2f s (job/baseline %.1fx)%n",
        baselineRows, baselineSeconds, seconds / baselineSeconds);
  }

  private void copyTransactions(DataSubject subject) throws Exception {
    StringBuilder rows = new StringBuilder();
    for (int i = 0; i < ROWS; i++) {
      rows.append(UUID.randomUUID())
          .append('\t')
          .append(subject.account)
          .append("\tDEPOSIT\t1.00\tEUR\t2026-11-01T12:00:00Z\tPayroll GmbH\tDE\tDE\t")
          .append(subject.device)
          .append("\tbench\t0\n");
    }
    try (Connection connection = dataSource.getConnection()) {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(
              "copy transactions (id, account_id, type, amount, currency, occurred_at,"
                  + " counterparty_name, counterparty_country, channel_country, channel_device_id,"
                  + " created_by, balance_after) from stdin",
              new StringReader(rows.toString()));
    }
  }

  private void indexDecisions(DataSubject subject) throws Exception {
    URI base = URI.create(FlowletInfrastructure.shared().elasticsearchUrl() + "/");
    int leaking = (int) Math.round(ROWS * LEAKING);
    for (int from = 0; from < ROWS; from += 5000) {
      StringBuilder bulk = new StringBuilder();
      for (int i = from; i < Math.min(ROWS, from + 5000); i++) {
        bulk.append("{\"index\":{\"_index\":\"")
            .append(SearchIndices.DECISIONS)
            .append("\",\"_id\":\"")
            .append(UUID.randomUUID())
            .append("\"}}\n")
            .append(
                "{\"customerId\":\"%s\",\"accountId\":\"%s\",\"score\":10,\"outcome\":\"APPROVE\",\"reasons\":[{\"rule\":\"LARGE_AMOUNT\",\"detail\":\"%s\",\"score\":10}]}\n"
                    .formatted(
                        subject.id,
                        subject.account,
                        i < leaking ? "Paid by " + subject.name : "Amount over the limit"));
      }
      HttpResponse<String> answer =
          http.send(
              HttpRequest.newBuilder(base.resolve("_bulk?refresh=false"))
                  .header("Content-Type", "application/x-ndjson")
                  .POST(HttpRequest.BodyPublishers.ofString(bulk.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(answer.body()).contains("\"errors\":false");
    }
    http.send(
        HttpRequest.newBuilder(base.resolve("flowlet-*/_refresh"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static long heapUsed() {
    long used = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }
}
