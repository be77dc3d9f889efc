package dev.flowlet.batch.reconciliation;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;

/**
 * Bulk inserts with PostgreSQL's COPY, on the connection of the chunk's transaction: the rows
 * commit together with the step's saved position, or not at all. Rows are built as COPY CSV (a null
 * is an unquoted empty field, every other value is quoted).
 */
final class CopyIn {

  private final StringBuilder rows = new StringBuilder(64 * 1024);
  private int fieldsInRow;

  /** Appends one field to the current row. */
  CopyIn field(Object value) {
    if (fieldsInRow++ > 0) {
      rows.append(',');
    }
    if (value != null) {
      String text = value.toString();
      rows.append('"');
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '"') {
          rows.append('"');
        }
        rows.append(c);
      }
      rows.append('"');
    }
    return this;
  }

  /** Ends the current row. */
  CopyIn endRow() {
    rows.append('\n');
    fieldsInRow = 0;
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /**
   * Runs {@code COPY <table> (<columns>) FROM STDIN (FORMAT csv)} with the rows built so far.
   *
   * @param target e.g. {@code batch.reconciliation_lines (instance_id, line_no)}
   */
  void into(DataSource dataSource, String target) {
    if (rows.isEmpty()) {
      return;
    }
    String sql = "COPY " + target + " FROM STDIN (FORMAT csv)";
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(sql, new StringReader(rows.toString()));
    } catch (SQLException e) {
      throw new SQLStateSQLExceptionTranslator().translate("COPY", sql, e);
    } catch (IOException e) {
      throw new DataAccessResourceFailureException("COPY into " + target + " failed", e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }
}
