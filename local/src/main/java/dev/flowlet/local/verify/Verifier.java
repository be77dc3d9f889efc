package dev.flowlet.local.verify;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs every check over what was committed before it started (with no {@code --to}, the cutoff is
 * the database's clock at the start: transactions arriving meanwhile are in flight) and, while only
 * losses are found, runs them again until {@link VerifySettings#settle()} has passed: right after a
 * fault the pipeline may still be draining, and a decision that arrives within the settle time was
 * late, not lost. Duplicates never heal, so they end the wait at once.
 */
public final class Verifier {

  private static final Duration RETRY_EVERY = Duration.ofSeconds(1);

  private final VerifySettings settings;
  private final List<Check> checks;

  public Verifier(VerifySettings settings) {
    this(settings, standardChecks());
  }

  Verifier(VerifySettings settings, List<Check> checks) {
    this.settings = settings;
    this.checks = List.copyOf(checks);
  }

  /**
   * The database's clock, so that the cutoff is on the same clock as {@code created_at} even when
   * verify runs on another machine.
   */
  private static java.time.Instant databaseNow(Connection db) throws SQLException {
    try (var statement = db.createStatement();
        var rows = statement.executeQuery("select now()")) {
      rows.next();
      return rows.getTimestamp(1).toInstant();
    }
  }

  /** The checks of {@code ./flowlet verify}, in the order they are printed. */
  static List<Check> standardChecks() {
    return List.of(
        new DecisionsInPostgres(),
        new DecisionsInElasticsearch(),
        new AuditInElasticsearch(),
        new OutboxDrained(),
        AuditChainIntact.from(System.getenv()));
  }

  /**
   * Runs the checks.
   *
   * @throws VerifyException when PostgreSQL or Elasticsearch cannot be read
   */
  public VerifyReport run() {
    long start = System.nanoTime();
    long deadline = start + settings.settle().toNanos();
    try (Connection db =
        DriverManager.getConnection(settings.jdbcUrl(), settings.dbUser(), settings.dbPassword())) {
      db.setReadOnly(true);
      VerifySettings bounded = settings.upTo(databaseNow(db));
      while (true) {
        long roundStart = System.nanoTime();
        List<CheckResult> results = new ArrayList<>();
        VerifyContext context = new VerifyContext(bounded, db);
        for (Check check : checks) {
          long checkStart = System.nanoTime();
          CheckResult result = check.run(context);
          results.add(result.took((System.nanoTime() - checkStart) / 1_000_000));
        }
        long now = System.nanoTime();
        boolean lossOnly =
            results.stream().anyMatch(result -> result.missing() > 0)
                && results.stream()
                    .allMatch(result -> result.duplicated() + result.orphaned() == 0);
        if (!lossOnly || now >= deadline) {
          return new VerifyReport(
              bounded.to(),
              results,
              Duration.ofNanos(roundStart - start),
              Duration.ofNanos(now - roundStart));
        }
        LockSupport.parkNanos(RETRY_EVERY.toNanos());
      }
    } catch (SQLException e) {
      throw new VerifyException(
          "PostgreSQL at " + settings.jdbcUrl() + " does not answer: " + e.getMessage(), e);
    }
  }
}
