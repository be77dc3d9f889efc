package dev.flowlet.batch.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's row count and content checksum: the sum over its rows of the first 64 bits of the MD5
 * of the row's text form. The sum does not depend on row order, so a restored copy has the same
 * fingerprint exactly when it has the same rows (up to an MD5 collision), whatever order the
 * restore wrote them in.
 *
 * @param schema the table's schema
 * @param table its name
 * @param rows its row count
 * @param checksum the content checksum, a decimal string
 */
public record TableFingerprint(String schema, String table, long rows, String checksum) {

  String qualifiedName() {
    return schema + "." + table;
  }

  /** Every ordinary table of every non-system schema, in the connection's current snapshot. */
  static List<TableFingerprint> of(Connection connection) throws SQLException {
    List<String[]> tables = new ArrayList<>();
    try (PreparedStatement statement =
            connection.prepareStatement(
                """
                select n.nspname, c.relname
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where c.relkind = 'r'
                   and n.nspname not in ('pg_catalog', 'information_schema')
                   and n.nspname not like 'pg\\_toast%' and n.nspname not like 'pg\\_temp%'
                 order by n.nspname, c.relname
                """);
        ResultSet rows = statement.executeQuery()) {
      while (rows.next()) {
        tables.add(new String[] {rows.getString(1), rows.getString(2)});
      }
    }
    List<TableFingerprint> fingerprints = new ArrayList<>(tables.size());
    for (String[] table : tables) {
      fingerprints.add(of(connection, table[0], table[1]));
    }
    return fingerprints;
  }

  private static TableFingerprint of(Connection connection, String schema, String table)
      throws SQLException {
    String sql =
        """
        select count(*),
               coalesce(sum(('x' || substr(md5(t::text), 1, 16))::bit(64)::bigint::numeric), 0)
          from %s.%s as t
        """
            .formatted(quote(schema), quote(table));
    try (PreparedStatement statement = connection.prepareStatement(sql);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      return new TableFingerprint(
          schema, table, rows.getLong(1), rows.getBigDecimal(2).toPlainString());
    }
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
