package dev.flowlet.local.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * Where {@code ./flowlet verify} looks and what range it checks. The addresses are the ones the
 * apps read ({@code FLOWLET_DB_URL}, {@code FLOWLET_DB_USER}, {@code FLOWLET_DB_PASSWORD}, {@code
 * FLOWLET_ES_URL}), defaulting to the local stack's (embedded PostgreSQL on {@code
 * FLOWLET_PG_PORT}, Elasticsearch on {@code FLOWLET_ES_PORT}).
 *
 * @param jdbcUrl the ledger database
 * @param dbUser its user
 * @param dbPassword its password (may be empty)
 * @param elasticsearchUrl e.g. {@code http://127.0.0.1:9200}
 * @param from only transactions and audit records created at or after this; null for all
 * @param to only those created before this; null for everything committed before verify started
 *     (what arrives while it runs is in flight, not lost)
 * @param settle how long a loss may take to heal before it counts (the pipeline may be draining)
 * @param outboxGrace an unpublished outbox row younger than this is in flight, not stuck
 */
public record VerifySettings(
    String jdbcUrl,
    String dbUser,
    String dbPassword,
    String elasticsearchUrl,
    Instant from,
    Instant to,
    Duration settle,
    Duration outboxGrace) {

  static final Duration DEFAULT_SETTLE = Duration.ofSeconds(30);
  static final Duration DEFAULT_OUTBOX_GRACE = Duration.ofSeconds(5);

  /** From the environment and the command line ({@code --from ISO --to ISO --settle SECONDS}). */
  public static VerifySettings from(Map<String, String> env, List<String> args) {
    String pgPort = env.getOrDefault("FLOWLET_PG_PORT", "5432");
    String esPort = env.getOrDefault("FLOWLET_ES_PORT", "9200");
    Instant from = null;
    Instant to = null;
    Duration settle = DEFAULT_SETTLE;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      String value = args.get(++i);
      try {
        switch (option) {
          case "--from" -> from = Instant.parse(value);
          case "--to" -> to = Instant.parse(value);
          case "--settle" -> settle = Duration.ofSeconds(Long.parseLong(value));
          default -> throw new IllegalArgumentException("unknown option " + option);
        }
      } catch (DateTimeParseException | NumberFormatException e) {
        throw new IllegalArgumentException(
            option + " " + value + " is not valid (ISO-8601 instants, settle in seconds)");
      }
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("--from must be before --to");
    }
    return new VerifySettings(
        nonBlank(env.get("FLOWLET_DB_URL"), "jdbc:postgresql://127.0.0.1:" + pgPort + "/flowlet"),
        nonBlank(env.get("FLOWLET_DB_USER"), "postgres"),
        env.getOrDefault("FLOWLET_DB_PASSWORD", ""),
        nonBlank(env.get("FLOWLET_ES_URL"), "http://127.0.0.1:" + esPort),
        from,
        to,
        settle,
        DEFAULT_OUTBOX_GRACE);
  }

  /** The same addresses for a run of the whole database, waiting up to {@code settle}. */
  public static VerifySettings whole(
      String jdbcUrl, String dbUser, String dbPassword, String elasticsearchUrl, Duration settle) {
    return new VerifySettings(
        jdbcUrl, dbUser, dbPassword, elasticsearchUrl, null, null, settle, DEFAULT_OUTBOX_GRACE);
  }

  /** These settings with {@code to} set, when it was open. */
  VerifySettings upTo(Instant cutoff) {
    return to != null
        ? this
        : new VerifySettings(
            jdbcUrl, dbUser, dbPassword, elasticsearchUrl, from, cutoff, settle, outboxGrace);
  }

  private static String nonBlank(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
