package dev.flowlet.batch.gdpr.erasure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The PostgreSQL half of the proof: every text and JSON column of every table of the Flowlet
 * schema, searched for each identifier; one check per column and identifier.
 */
final class PostgresScan {

  private final JdbcTemplate jdbc;

  PostgresScan(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param clear the identifiers in clear, when the job still holds them; null after a restart
   * @param hashes their SHA-256 by kind, always available
   */
  List<ErasureCheck> search(Identifiers clear, Map<String, String> hashes) {
    List<ErasureCheck> checks = new ArrayList<>();
    for (PostgresColumns.Column column : PostgresColumns.of(jdbc)) {
      for (Map.Entry<String, String> hash : hashes.entrySet()) {
        String kind = hash.getKey();
        long hits;
        String method;
        if (clear != null && clear.values().containsKey(kind)) {
          method = "substring";
          hits =
              count(
                  "select count(*) from "
                      + column.quotedTable()
                      + " where position(lower(?) in lower("
                      + column.asText()
                      + ")) > 0",
                  clear.values().get(kind));
        } else if (column.json()) {
          method = "sha256";
          hits =
              count(
                  "select count(*) from "
                      + column.quotedTable()
                      + " t where exists (select 1 from jsonb_path_query(t."
                      + column.asText()
                      + "::jsonb, 'strict $.**') v where jsonb_typeof(v) = 'string'"
                      + " and encode(sha256(convert_to(lower(trim(v #>> '{}')), 'UTF8')), 'hex')"
                      + " = ?)",
                  hash.getValue());
        } else {
          method = "sha256";
          hits =
              count(
                  "select count(*) from "
                      + column.quotedTable()
                      + " where encode(sha256(convert_to(lower(trim("
                      + column.asText()
                      + ")), 'UTF8')), 'hex') = ?",
                  hash.getValue());
        }
        checks.add(new ErasureCheck("postgresql", column.qualified(), kind, method, hits));
      }
    }
    return checks;
  }

  private long count(String sql, String argument) {
    Long count = jdbc.queryForObject(sql, Long.class, argument);
    return count == null ? 0 : count;
  }
}
