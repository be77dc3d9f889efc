package dev.flowlet.api.attacks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fingerprint of the application's data: for every table, its row count and a hash of all its
 * rows. Two equal fingerprints mean no row was added, removed or changed. Left out are the tables
 * that record the attempt itself or that housekeeping changes on its own clock: the audit trail and
 * its outbox (a refusal is audited), login failures, sessions and revoked tokens.
 */
final class DatabaseState {

  static final Set<String> BOOKKEEPING =
      Set.of(
          "audit_logs",
          "outbox",
          "staff_login_failures",
          "refresh_families",
          "refresh_tokens",
          "revoked_access_tokens",
          "flyway_schema_history");

  private final JdbcTemplate jdbc;

  DatabaseState(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<String> tables() {
    return jdbc.queryForList(
        """
        select table_name from information_schema.tables
         where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
        """,
        String.class);
  }

  /** Table name to "rows:hash", for every table but the bookkeeping ones. */
  Map<String, String> fingerprint() {
    Map<String, String> state = new TreeMap<>();
    for (String table : tables()) {
      if (BOOKKEEPING.contains(table)) {
        continue;
      }
      state.put(
          table,
          jdbc.queryForObject(
              "select count(*) || ':' || coalesce(md5(string_agg(md5(t::text), ',' order by"
                  + " md5(t::text))), '') from \"%s\" t".formatted(table),
              String.class));
    }
    return state;
  }

  long rows(String table) {
    return jdbc.queryForObject("select count(*) from \"%s\"".formatted(table), Long.class);
  }

  /** Table name to row count, every table (to see that none vanished or lost rows). */
  Map<String, Long> rowCounts() {
    Map<String, Long> counts = new TreeMap<>();
    tables().forEach(table -> counts.put(table, rows(table)));
    return counts;
  }
}
