package dev.flowlet.batch.gdpr.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvCellsTest {

  @Test
  void prefixesEveryCellASpreadsheetWouldRunAsAFormula() {
    assertThat(CsvCells.neutralise("=1+1")).isEqualTo("'=1+1");
    assertThat(CsvCells.neutralise("+49 30 1234")).isEqualTo("'+49 30 1234");
    assertThat(CsvCells.neutralise("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.neutralise("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvCells.neutralise("\rcmd")).isEqualTo("'\rcmd");
  }

  @Test
  void leavesOrdinaryTextAndEmptyCellsAsTheyAre() {
    assertThat(CsvCells.neutralise("ACME Trading Ltd")).isEqualTo("ACME Trading Ltd");
    assertThat(CsvCells.neutralise("a=b")).isEqualTo("a=b");
    assertThat(CsvCells.neutralise("")).isEmpty();
    assertThat(CsvCells.neutralise(null)).isNull();
  }
}
