package dev.flowlet.batch.reconciliation;

import com.opencsv.CSVReader;
import com.opencsv.exceptions.CsvValidationException;
import java.io.IOException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * Streams a statement file with opencsv and parses each record into a {@link StatementLine}. Blank
 * lines are passed over; a record that does not parse is thrown as {@link InvalidStatementLine},
 * which the step skips into the results. Its position (records consumed) is saved after every chunk
 * under the name {@code statementLineReader}, so a restart resumes after the last committed chunk.
 * On opening it checks that the file still has the SHA-256 the run was started with.
 */
class StatementLineReader extends AbstractItemCountingItemStreamItemReader<StatementLine> {

  private final Path file;
  private final StatementFormat format;
  private final @Nullable String expectedSha256;
  private @Nullable CSVReader csv;
  private @Nullable StatementLineParser parser;
  private boolean exhausted;

  StatementLineReader(Path file, StatementFormat format, @Nullable String expectedSha256) {
    this.file = file;
    this.format = format;
    this.expectedSha256 = expectedSha256;
    setName("statementLineReader");
  }

  @Override
  protected void doOpen() throws Exception {
    if (expectedSha256 != null && !expectedSha256.equals(StatementFiles.sha256(file))) {
      throw new StatementFormatException(
          "The statement file changed since the run was started (SHA-256 differs)");
    }
    csv = StatementFiles.open(file, format);
    String[] header = csv.readNext();
    if (header == null) {
      throw new StatementFormatException("The file is empty: it has no header row");
    }
    parser = new StatementLineParser(StatementColumns.of(header, format), format);
    exhausted = false;
  }

  @Override
  protected @Nullable StatementLine doRead() throws Exception {
    RawStatementLine raw = nextRecord();
    return raw == null ? null : parser.parse(raw);
  }

  @Override
  protected void jumpToItem(int itemIndex) throws Exception {
    for (int i = 0; i < itemIndex && nextRecord() != null; i++) {
      // consumed without parsing: those records are already in the results
    }
  }

  /** The next non-blank record; a malformed one ends the file (the parser state is lost). */
  private @Nullable RawStatementLine nextRecord() throws IOException {
    while (!exhausted) {
      long start = csv.getLinesRead() + 1;
      String[] fields;
      try {
        fields = csv.readNext();
      } catch (IOException | CsvValidationException e) {
        exhausted = true;
        return RawStatementLine.malformed(
            start,
            "the record cannot be read ("
                + e.getClass().getSimpleName()
                + ", probably an unclosed quote); the rest of the file was not read");
      }
      if (fields == null) {
        exhausted = true;
        return null;
      }
      if (fields.length == 1 && fields[0].isBlank()) {
        continue;
      }
      return new RawStatementLine(start, fields, null);
    }
    return null;
  }

  @Override
  protected void doClose() throws Exception {
    if (csv != null) {
      csv.close();
      csv = null;
    }
  }
}
