package dev.flowlet.batch.reconciliation;

import org.jspecify.annotations.Nullable;

/**
 * One record of the statement file as read, before parsing.
 *
 * @param lineNumber the physical line it starts on (the header is line 1)
 * @param fields its fields, or null when the record could not be read at all
 * @param malformation why it could not be read, when {@code fields} is null
 */
record RawStatementLine(
    long lineNumber, String @Nullable [] fields, @Nullable String malformation) {

  static RawStatementLine malformed(long lineNumber, String why) {
    return new RawStatementLine(lineNumber, null, why);
  }
}
