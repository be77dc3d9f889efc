package dev.flowlet.batch.attacks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpreadsheetSafeCsvTest {

  @Test
  void flagsEveryCellThatStartsAFormulaButNotPlainNumbersOrNeutralisedText() {
    String csv =
        "name,amount\r\n"
            + "\"=HYPERLINK(\"\"http://evil\"\")\",-12.50\r\n"
            + "+cmd,+3\r\n"
            + "\"-2+3+cmd|' /C calc'!A0\",1\r\n"
            + "@SUM(A1),0\r\n"
            + "\"\tx\",\"\rx\"\r\n"
            + "'=1+1,'-2+3\r\n";

    assertThat(SpreadsheetSafeCsv.formulaCells(csv))
        .containsExactly(
            "row 2 column 1: =HYPERLINK(\"http://evil\")",
            "row 3 column 1: +cmd",
            "row 4 column 1: -2+3+cmd|' /C calc'!A0",
            "row 5 column 1: @SUM(A1)",
            "row 6 column 1: \tx",
            "row 6 column 2: \rx");
    assertThatThrownBy(() -> SpreadsheetSafeCsv.assertSpreadsheetSafe(csv))
        .isInstanceOf(AssertionError.class);
    SpreadsheetSafeCsv.assertSpreadsheetSafe("a,b\r\n'=1+1,-5\r\n");
  }
}
