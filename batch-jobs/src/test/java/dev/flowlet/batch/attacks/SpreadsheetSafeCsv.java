package dev.flowlet.batch.attacks;

import static org.assertj.core.api.Assertions.assertThat;

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

  /**
   * The cells of an RFC 4180 CSV, read exactly: a quoted cell keeps its tabs, carriage returns and
   * line feeds (opencsv's reader drops a lone carriage return, which would hide a formula).
   */
  public static List<String[]> rows(String csv) {
    List<String[]> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean rowStarted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
        continue;
      }
      rowStarted = true;
      switch (c) {
        case '"' -> quoted = true;
        case ',' -> {
          row.add(cell.toString());
          cell.setLength(0);
        }
        case '\r' -> {}
        case '\n' -> {
          row.add(cell.toString());
          cell.setLength(0);
          rows.add(row.toArray(String[]::new));
          row.clear();
          rowStarted = false;
        }
        default -> cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("not a CSV: a quoted cell is not closed");
    }
    if (rowStarted) {
      row.add(cell.toString());
      rows.add(row.toArray(String[]::new));
    }
    return rows;
  }
}
