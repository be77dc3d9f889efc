package dev.flowlet.bench.reconciliation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Runs the batch benchmark against a running stack with api and batch-jobs (see {@code
 * bench/reconciliation.sh}) and prints a Markdown report.
 *
 * <p>Settings (system properties): {@code api}, {@code batch} (base URLs), {@code jdbc}, {@code
 * db.user}, {@code db.password}, {@code import.dir} (batch-jobs' FLOWLET_IMPORT_DIR), {@code rows}
 * (default 1,000,000), {@code backup.bytes} (database size for the backup run, default 1 GiB; 0
 * skips it), {@code pg.bin} (PostgreSQL client tools), {@code restore.jobs} (default 2), {@code
 * report} (a file to write the report to as well).
 */
public final class ReconciliationBenchmark {

  private ReconciliationBenchmark() {}

  public static void main(String[] args) throws Exception {
    String jdbc = System.getProperty("jdbc", "jdbc:postgresql://127.0.0.1:5432/flowlet");
    String user = System.getProperty("db.user", "postgres");
    String password = System.getProperty("db.password", "");
    int rows = Integer.getInteger("rows", 1_000_000);
    long backupBytes = Long.getLong("backup.bytes", 1L << 30);
    Path importDir = Path.of(System.getProperty("import.dir", ".flowlet/data/import"));
    Path pgBin = Path.of(System.getProperty("pg.bin", "/usr/lib/postgresql/15/bin"));
    int restoreJobs = Integer.getInteger("restore.jobs", 2);
    JobsApi jobs =
        new JobsApi(
            System.getProperty("api", "http://127.0.0.1:5001"),
            System.getProperty("batch", "http://127.0.0.1:5003"));
    String demoPassword = System.getenv().getOrDefault("FLOWLET_DEMO_PASSWORD", "flowlet-demo");
    StringBuilder report = new StringBuilder();

    try (Connection db = DriverManager.getConnection(jdbc, user, password)) {
      log("generating %d ledger rows and a statement", rows);
      long started = System.nanoTime();
      BenchDataset.Generated data = BenchDataset.create(db, importDir, rows, 42);
      log("generated in %d s: %d statement lines", seconds(started), data.lines());

      String operator = jobs.login("demo-operator", demoPassword);
      log("reconciling through batch-jobs");
      long requested = System.nanoTime();
      JsonNode execution;
      long peakHeap;
      try (HeapSampler heap = new HeapSampler(jobs)) {
        long id =
            jobs.start(
                operator,
                "reconciliationJob",
                Map.of(
                    "file",
                    data.statement().toRealPath().toString(),
                    "accountId",
                    data.account().toString()));
        execution = jobs.awaitEnd(jobs.login("demo-operator", demoPassword), id);
        peakHeap = heap.peakBytes();
      }
      Duration endToEnd = Duration.ofNanos(System.nanoTime() - requested);
      Duration job = between(execution.get("startedAt"), execution.get("endedAt"));
      log("job %s in %d ms", execution.get("status").asString(), job.toMillis());

      log("SQL baseline: COPY and full outer joins");
      SqlBaseline.Result baseline = SqlBaseline.run(db, data.statement(), data.account());
      Duration sql = baseline.load().plus(baseline.join());

      report.append(
          "## Reconciliation: %d statement lines against %d ledger rows%n%n"
              .formatted(data.lines(), rows));
      report.append("| run | time | notes |\n|---|---|---|\n");
      report.append(
          "| reconciliationJob (status %s) | %.1f s | request to end %.1f s; peak heap sampled %d MiB; steps: %s |%n"
              .formatted(
                  execution.get("status").asString(),
                  job.toMillis() / 1000.0,
                  endToEnd.toMillis() / 1000.0,
                  peakHeap >> 20,
                  steps(execution)));
      report.append(
          "| baseline: COPY + full outer joins in PostgreSQL | %.1f s | COPY %.1f s, joins %.1f s |%n"
              .formatted(
                  sql.toMillis() / 1000.0,
                  baseline.load().toMillis() / 1000.0,
                  baseline.join().toMillis() / 1000.0));
      report.append(
          "%nJob / baseline: %.2fx. Job summary: %s. Baseline counts: %s.%n%n"
              .formatted(
                  (double) job.toMillis() / sql.toMillis(),
                  execution.get("report").get("summary"),
                  baseline.counts()));

      if (backupBytes > 0) {
        log("growing the database to %d MiB", backupBytes >> 20);
        long size = BackupBaseline.grow(db, data.account(), backupBytes);
        String admin = jobs.login("demo-admin", demoPassword);
        log("backup verification through batch-jobs");
        long id = jobs.start(admin, "backupVerificationJob", Map.of());
        JsonNode backup = jobs.awaitEnd(jobs.login("demo-admin", demoPassword), id);
        Duration verification = between(backup.get("startedAt"), backup.get("endedAt"));
        log(
            "backup verification %s in %d s",
            backup.get("status").asString(), verification.toSeconds());
        String scratch = "bench_restore_" + UUID.randomUUID().toString().substring(0, 8);
        Path work = Files.createTempDirectory("flowlet-bench-backup");
        log("baseline: pg_dump and pg_restore alone");
        BackupBaseline.Timing alone =
            BackupBaseline.run(
                pgBin, pgEnvironment(jdbc, user, password), scratch, restoreJobs, work);
        Files.delete(work);
        report.append("## Backup verification of a %d MiB database%n%n".formatted(size >> 20));
        report.append("| run | time | notes |\n|---|---|---|\n");
        report.append(
            "| backupVerificationJob (%s) | %.1f s | restore %.1f s; %s; steps: %s |%n"
                .formatted(
                    backup.get("status").asString(),
                    verification.toMillis() / 1000.0,
                    backup.get("report").path("restoreSeconds").asDouble(),
                    backup.get("report").path("verdict").asString(),
                    steps(backup)));
        report.append(
            "| baseline: pg_dump + pg_restore --jobs=%d alone | %.1f s | dump %.1f s (%d MiB), restore %.1f s |%n"
                .formatted(
                    restoreJobs,
                    alone.dump().plus(alone.restore()).toMillis() / 1000.0,
                    alone.dump().toMillis() / 1000.0,
                    alone.dumpBytes() >> 20,
                    alone.restore().toMillis() / 1000.0));
        report.append(
            "%nVerification / baseline: %.2fx.%n"
                .formatted(
                    (double) verification.toMillis()
                        / alone.dump().plus(alone.restore()).toMillis()));
      }
    }
    System.out.println(report);
    String file = System.getProperty("report");
    if (file != null) {
      Files.writeString(Path.of(file), report);
    }
  }

  private static String steps(JsonNode execution) {
    Map<String, String> steps = new LinkedHashMap<>();
    for (JsonNode step : execution.get("progress").get("steps")) {
      steps.put(
          step.get("name").asString(),
          "%.1f s"
              .formatted(between(step.get("startedAt"), step.get("endedAt")).toMillis() / 1000.0));
    }
    return steps.toString();
  }

  private static Duration between(JsonNode start, JsonNode end) {
    return Duration.between(Instant.parse(start.asString()), Instant.parse(end.asString()));
  }

  /** PGHOST and friends from a jdbc:postgresql://host:port/database URL. */
  private static Map<String, String> pgEnvironment(String jdbc, String user, String password) {
    String rest = jdbc.substring("jdbc:postgresql://".length()).split("\\?")[0];
    String[] hostPort = rest.substring(0, rest.indexOf('/')).split(":");
    return Map.of(
        "PGHOST",
        hostPort[0],
        "PGPORT",
        hostPort.length > 1 ? hostPort[1] : "5432",
        "PGDATABASE",
        rest.substring(rest.indexOf('/') + 1),
        "PGUSER",
        user,
        "PGPASSWORD",
        password);
  }

  private static long seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1_000_000_000L;
  }

  private static void log(String format, Object... args) {
    System.err.println(Instant.now() + " " + format.formatted(args));
  }
}
