package dev.flowlet.batch.gdpr.erasure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last PostgreSQL pass: wherever the subject's name, email or phone still occurs in a text or
 * JSON column of the Flowlet schema (a free-text note, a copy nobody listed), the occurrence is
 * replaced by {@code [erased]}. Needs the identifiers in clear, so it runs only while the job holds
 * them. Never touches the hash-chained audit trail: an identifier found there is a defect of its
 * source, which the proof reports.
 */
final class ResidueScrubbing {

  static final String REPLACEMENT = "[erased]";

  /** Tables whose rows are never rewritten: hash-chained, or the erasure's own records. */
  static final Set<String> UNTOUCHABLE =
      Set.of("audit_logs", "data_subject_requests", "erasure_ledger");

  private final JdbcTemplate jdbc;

  ResidueScrubbing(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The rows changed, by column; columns without an occurrence are left out. */
  Map<String, Integer> scrub(Identifiers identifiers) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    if (identifiers.values().isEmpty()) {
      return counts;
    }
    String pattern =
        String.join(
            "|", identifiers.values().values().stream().map(ResidueScrubbing::regex).toList());
    for (PostgresColumns.Column column : PostgresColumns.of(jdbc)) {
      if (UNTOUCHABLE.contains(column.table())) {
        continue;
      }
      String replaced = "regexp_replace(" + column.asText() + ", ?, '" + REPLACEMENT + "', 'gi')";
      String sql =
          "update "
              + column.quotedTable()
              + " set \""
              + column.column().replace("\"", "\"\"")
              + "\" = "
              + (column.json() ? replaced + "::" + column.type() : replaced)
              + " where "
              + column.asText()
              + " ~* ?";
      int changed = jdbc.update(sql, pattern, pattern);
      if (changed > 0) {
        counts.put(column.qualified(), changed);
      }
    }
    return counts;
  }

  /** {@code value} as a PostgreSQL regular expression matching it literally. */
  static String regex(String value) {
    StringBuilder escaped = new StringBuilder();
    for (char c : value.toCharArray()) {
      if (!Character.isLetterOrDigit(c) && c != ' ') {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    return escaped.toString();
  }
}
