package dev.flowlet.batch.gdpr.export;

/**
 * Neutralises CSV cells a spreadsheet would run as a formula (CSV injection, OWASP): a text cell
 * starting with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a
 * leading {@code '}. Numbers are written as they are, so a negative balance stays a number.
 */
final class CsvCells {

  private CsvCells() {}

  static String neutralise(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }
}
