package dev.flowlet.batch.gdpr.export;

import com.opencsv.CSVWriter;
import com.opencsv.ICSVWriter;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import org.postgresql.util.PGobject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one data set's rows as they stream from the database: a JSON object per line to {@code
 * <name>.jsonl} and a record per row (with a header) to {@code <name>.csv}. Values are formatted
 * the same way on every run: instants in ISO-8601 UTC, decimals as written in the ledger, JSON
 * columns as JSON.
 */
final class ExportRows implements AutoCloseable {

  private final JsonMapper json;
  private final Writer jsonLines;
  private final Writer csvFile;
  private final ICSVWriter csv;
  private String[] columns;
  private long rows;

  ExportRows(JsonMapper json, Path jsonLinesFile, Path csvPath) throws IOException {
    this.json = json;
    this.jsonLines = Files.newBufferedWriter(jsonLinesFile, StandardCharsets.UTF_8);
    this.csvFile = new BufferedWriter(Files.newBufferedWriter(csvPath, StandardCharsets.UTF_8));
    this.csv =
        new CSVWriter(
            csvFile,
            ICSVWriter.DEFAULT_SEPARATOR,
            ICSVWriter.DEFAULT_QUOTE_CHARACTER,
            ICSVWriter.DEFAULT_ESCAPE_CHARACTER,
            "\n");
  }

  /** Writes the header once; call before the first row (also for a data set without rows). */
  void header(ResultSetMetaData meta) throws SQLException {
    columns = new String[meta.getColumnCount()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = meta.getColumnLabel(i + 1);
    }
    csv.writeNext(columns, false);
  }

  void write(ResultSet row) throws SQLException {
    ObjectNode line = json.createObjectNode();
    String[] cells = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      Object value = row.getObject(i + 1);
      switch (value) {
        case null -> {
          line.putNull(columns[i]);
          cells[i] = "";
        }
        case BigDecimal number -> {
          line.put(columns[i], number);
          cells[i] = number.toPlainString();
        }
        case Number number -> {
          line.put(columns[i], number.longValue());
          cells[i] = number.toString();
        }
        case Boolean flag -> {
          line.put(columns[i], flag);
          cells[i] = flag.toString();
        }
        case Timestamp time -> {
          line.put(columns[i], time.toInstant().toString());
          cells[i] = time.toInstant().toString();
        }
        case Date day -> {
          line.put(columns[i], day.toLocalDate().toString());
          cells[i] = day.toLocalDate().toString();
        }
        case PGobject object when object.getType().startsWith("json") -> {
          JsonNode tree = json.readTree(object.getValue());
          line.set(columns[i], tree);
          cells[i] = CsvCells.neutralise(tree.toString());
        }
        default -> {
          String text = value.toString();
          line.put(columns[i], text);
          cells[i] = CsvCells.neutralise(text);
        }
      }
    }
    try {
      jsonLines.write(json.writeValueAsString(line));
      jsonLines.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    csv.writeNext(cells, false);
    rows++;
  }

  long rows() {
    return rows;
  }

  @Override
  public void close() throws IOException {
    try (jsonLines;
        csv) {
      jsonLines.flush();
      csv.flush();
    }
  }
}
