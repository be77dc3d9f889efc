package dev.flowlet.batch.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The check every CSV Flowlet writes must pass: no cell a spreadsheet would run as a formula. A
 * cell starting with {@code = + - @}, a tab or a carriage return is a formula to Excel, LibreOffice
 * and Google Sheets ({@code =HYPERLINK(...)}, {@code -2+3+cmd|' /C calc'!A0}) unless it is a plain
 * number; a writer neutralises it by prefixing a single quote. Reusable: the GDPR export's test
 * calls {@link #assertSpreadsheetSafe(String)} on each CSV of the archive.
 */
public final class SpreadsheetSafeCsv {

  private static final String TRIGGERS = "=+-@\t\r";
  private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  private SpreadsheetSafeCsv() {}

  /** Fails naming every cell (row and column, 1-based) that a spreadsheet would run. */
  public static void assertSpreadsheetSafe(String csv) {
    assertThat(formulaCells(csv)).as("CSV cells a spreadsheet would run as formulas").isEmpty();
  }

  /** The cells, as "row R column C: value", that a spreadsheet would take for a formula. */
  public static List<String> formulaCells(String csv) {
    List<String> unsafe = new ArrayList<>();
    List<String[]> rows = rows(csv);
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      for (int c = 0; c < row.length; c++) {
        if (isFormula(row[c])) {
          unsafe.add("row %d column %d: %s".formatted(r + 1, c + 1, row[c]));
        }
      }
    }
    return unsafe;
  }

  /** Whether a spreadsheet would evaluate the cell. */
  public static boolean isFormula(String cell) {
    return !cell.isEmpty()
        && TRIGGERS.indexOf(cell.charAt(0)) >= 0
        && !PLAIN_NUMBER.matcher(cell).matches();
  }

  /** The cells of a CSV (RFC 4180, as opencsv reads it). */
  public static List<String[]> rows(String csv) {
    try (CSVReader reader = new CSVReader(new StringReader(csv))) {
      return reader.readAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvException e) {
      throw new IllegalArgumentException("not a CSV: " + e.getMessage(), e);
    }
  }
}
