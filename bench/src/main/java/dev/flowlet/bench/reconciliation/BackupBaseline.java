package dev.flowlet.bench.reconciliation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Grows the database to the benchmark's size, and times the baseline of backup verification: {@code
 * pg_dump --format=custom} and {@code pg_restore --jobs} into a scratch database alone, without
 * checksums, fingerprints or comparisons.
 */
final class BackupBaseline {

  /**
   * @param dump pg_dump's time
   * @param restore pg_restore's time
   * @param dumpBytes the dump's size
   */
  record Timing(Duration dump, Duration restore, long dumpBytes) {}

  private BackupBaseline() {}

  static long databaseBytes(Connection db) throws Exception {
    try (Statement statement = db.createStatement();
        ResultSet rows = statement.executeQuery("select pg_database_size(current_database())")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Adds ledger rows to another account until the database holds {@code targetBytes}. */
  static long grow(Connection db, UUID account, long targetBytes) throws Exception {
    while (databaseBytes(db) < targetBytes) {
      try (PreparedStatement insert =
          db.prepareStatement(
              """
              insert into transactions (id, account_id, type, amount, currency, occurred_at,
                counterparty_name, counterparty_country, channel_country, channel_device_id,
                created_by)
              select gen_random_uuid(), ?, 'DEPOSIT', (random() * 1000 + 1)::numeric(20, 2),
                     'EUR', timestamptz '2026-01-01' + n * interval '1 second',
                     md5(random()::text), 'DE', 'DE', 'bench-device', 'bench'
                from generate_series(1, 500000) n
              """)) {
        insert.setObject(1, account);
        insert.executeUpdate();
      }
    }
    try (Statement vacuum = db.createStatement()) {
      vacuum.execute("vacuum analyze transactions");
    }
    return databaseBytes(db);
  }

  static Timing run(
      Path pgBin, Map<String, String> environment, String scratch, int jobs, Path work)
      throws Exception {
    Path dump = Files.createTempFile(work, "baseline-", ".dump");
    long started = System.nanoTime();
    run(
        List.of(
            pgBin.resolve("pg_dump").toString(),
            "--format=custom",
            "--no-password",
            "--file=" + dump),
        environment);
    Duration dumpTime = Duration.ofNanos(System.nanoTime() - started);
    run(
        List.of(pgBin.resolve("dropdb").toString(), "--if-exists", "--no-password", scratch),
        environment);
    run(List.of(pgBin.resolve("createdb").toString(), "--no-password", scratch), environment);
    started = System.nanoTime();
    run(
        List.of(
            pgBin.resolve("pg_restore").toString(),
            "--dbname=" + scratch,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--no-password",
            "--jobs=" + jobs,
            dump.toString()),
        environment);
    Duration restoreTime = Duration.ofNanos(System.nanoTime() - started);
    run(List.of(pgBin.resolve("dropdb").toString(), "--no-password", scratch), environment);
    long bytes = Files.size(dump);
    Files.delete(dump);
    return new Timing(dumpTime, restoreTime, bytes);
  }

  private static void run(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
    builder.environment().putAll(environment);
    int exit = builder.start().waitFor();
    if (exit != 0) {
      throw new IllegalStateException(command.get(0) + " exited with " + exit);
    }
  }
}
