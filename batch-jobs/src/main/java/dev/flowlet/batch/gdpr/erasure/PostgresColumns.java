package dev.flowlet.batch.gdpr.erasure;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every text and JSON column of the Flowlet schema ({@code public}), read from {@code
 * information_schema} rather than from a hand-kept list, so a column added later is searched too.
 */
final class PostgresColumns {

  private PostgresColumns() {}

  /** A searchable column. */
  record Column(String table, String column, String type) {

    String qualified() {
      return table + "." + column;
    }

    /** The column as SQL text, quoted. */
    String asText() {
      return "\"" + column.replace("\"", "\"\"") + "\"::text";
    }

    String quotedTable() {
      return "public.\"" + table.replace("\"", "\"\"") + "\"";
    }

    boolean json() {
      return type.equals("jsonb") || type.equals("json");
    }
  }

  static List<Column> of(JdbcTemplate jdbc) {
    return jdbc.query(
        """
        select c.table_name, c.column_name, c.data_type
        from information_schema.columns c
        join information_schema.tables t
          on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and c.data_type in ('text', 'character varying', 'jsonb', 'json')
          and c.table_name <> 'flyway_schema_history'
        order by c.table_name, c.column_name
        """,
        (rs, row) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3)));
  }
}
