package dev.flowlet.batch.reconciliation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where each field is in a statement's records, found by the header row's names as the {@link
 * StatementFormat} spells them (case and surrounding blanks ignored). Value date, amount and
 * currency are required; the other columns may be absent.
 *
 * @param width the header's number of fields; every record must have as many
 */
record StatementColumns(
    int width,
    int statementRef,
    int valueDate,
    int amount,
    int currency,
    int counterparty,
    int transactionId) {

  static final int ABSENT = -1;

  /**
   * @throws StatementFormatException when a required column is missing or a name repeats
   */
  static StatementColumns of(String[] header, StatementFormat format) {
    List<String> names = new ArrayList<>();
    for (String name : header) {
      String normalized = normalize(name);
      if (!normalized.isEmpty() && names.contains(normalized)) {
        throw new StatementFormatException("The header names column '" + name + "' twice");
      }
      names.add(normalized);
    }
    List<String> missing = new ArrayList<>();
    int valueDate = required(names, format.valueDate(), missing);
    int amount = required(names, format.amount(), missing);
    int currency = required(names, format.currency(), missing);
    if (!missing.isEmpty()) {
      throw new StatementFormatException(
          "The header row lacks the column(s) " + String.join(", ", missing));
    }
    return new StatementColumns(
        header.length,
        names.indexOf(normalize(format.statementRef())),
        valueDate,
        amount,
        currency,
        names.indexOf(normalize(format.counterparty())),
        names.indexOf(normalize(format.transactionId())));
  }

  private static int required(List<String> names, String name, List<String> missing) {
    int index = names.indexOf(normalize(name));
    if (index == ABSENT) {
      missing.add(name);
    }
    return index;
  }

  private static String normalize(String name) {
    return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
  }

  /** A field's value, or the empty string for an absent column. */
  static String field(String[] fields, int index) {
    return index == ABSENT ? "" : fields[index];
  }
}
