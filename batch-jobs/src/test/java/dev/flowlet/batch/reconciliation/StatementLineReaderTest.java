package dev.flowlet.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

class StatementLineReaderTest {

  private static final String HEADER =
      "statement_ref,value_date,amount,currency,counterparty,transaction_id,description";

  @TempDir Path folder;

  @Test
  void readsABomCrlfFilePassingOverBlankLinesAndReportsPhysicalLineNumbers() throws Exception {
    Path file =
        write(
            "\uFEFF"
                + HEADER
                + "\r\n\r\nR1,2026-03-01,-1.00,EUR,\"A, B\",,\"two\r\nlines\"\r\n   \r\nR2,2026-03-02,2.00,EUR,C,,x");

    List<Object> read = readAll(new StatementLineReader(file, StatementFormat.standard(), null));

    assertThat(read).hasSize(2);
    assertThat(((StatementLine) read.get(0)).lineNumber()).isEqualTo(3);
    assertThat(((StatementLine) read.get(0)).counterparty()).isEqualTo("A, B");
    assertThat(((StatementLine) read.get(1)).lineNumber()).isEqualTo(6);
    assertThat(((StatementLine) read.get(1)).statementRef()).isEqualTo("R2");
  }

  @Test
  void endsTheFileAtAnUnclosedQuoteAndSaysSo() throws Exception {
    Path file =
        write(HEADER + "\nR1,2026-03-01,-1.00,EUR,\"unclosed,,x\nR2,2026-03-02,2.00,EUR,C,,x\n");

    List<Object> read = readAll(new StatementLineReader(file, StatementFormat.standard(), null));

    assertThat(read)
        .singleElement()
        .isInstanceOfSatisfying(
            InvalidStatementLine.class,
            invalid -> {
              assertThat(invalid.lineNumber()).isEqualTo(2);
              assertThat(invalid.reason()).contains("rest of the file was not read");
            });
  }

  @Test
  void resumesAfterTheSavedPositionWithoutReadingEarlierLinesAgain() throws Exception {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    for (int i = 1; i <= 10; i++) {
      csv.append("R").append(i).append(",2026-03-01,").append(i).append(".00,EUR,x,,y\n");
      if (i == 3) {
        csv.append("BAD,2026-13-01,1,EUR,x,,y\n");
      }
    }
    Path file = write(csv.toString());
    StatementLineReader first = new StatementLineReader(file, StatementFormat.standard(), null);
    ExecutionContext context = new ExecutionContext();
    first.open(context);
    for (int i = 0; i < 5; i++) {
      try {
        first.read();
      } catch (InvalidStatementLine expected) {
        assertThat(expected.lineNumber()).isEqualTo(5);
      }
    }
    first.update(context);
    first.close();

    StatementLineReader resumed = new StatementLineReader(file, StatementFormat.standard(), null);
    resumed.open(context);
    StatementLine next = resumed.read();
    resumed.close();

    assertThat(next.statementRef()).isEqualTo("R5");
  }

  @Test
  void refusesAFileThatChangedSinceTheRunStarted() throws Exception {
    Path file = write(HEADER + "\n");
    String sha256 = StatementFiles.sha256(file);
    Files.writeString(file, HEADER + "\nR1,2026-03-01,1.00,EUR,x,,y\n");

    StatementLineReader reader = new StatementLineReader(file, StatementFormat.standard(), sha256);

    assertThatThrownBy(() -> reader.open(new ExecutionContext()))
        .isInstanceOf(ItemStreamException.class)
        .hasRootCauseInstanceOf(StatementFormatException.class)
        .rootCause()
        .hasMessageContaining("changed since the run was started");
  }

  private Path write(String content) throws Exception {
    return Files.writeString(folder.resolve("statement.csv"), content, StandardCharsets.UTF_8);
  }

  /** Every item, and every invalid line in its place. */
  private static List<Object> readAll(StatementLineReader reader) throws Exception {
    reader.open(new ExecutionContext());
    List<Object> read = new ArrayList<>();
    try {
      while (true) {
        try {
          StatementLine line = reader.read();
          if (line == null) {
            return read;
          }
          read.add(line);
        } catch (InvalidStatementLine invalid) {
          read.add(invalid);
        }
      }
    } finally {
      reader.close();
    }
  }
}
