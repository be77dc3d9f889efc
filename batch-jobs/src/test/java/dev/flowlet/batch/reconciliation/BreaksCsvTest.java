package dev.flowlet.batch.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BreaksCsvTest {

  @Test
  void keepsSpreadsheetFormulasOutOfTheBreaksReport() {
    assertThat(BreaksController.defused("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(BreaksController.defused("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(BreaksController.defused("+1")).isEqualTo("'+1");
    assertThat(BreaksController.defused("Coffee, Bar & Co")).isEqualTo("Coffee, Bar & Co");
  }
}
