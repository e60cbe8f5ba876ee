package org.polity.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Cells that a spreadsheet would run as formulas are written as text (OWASP CSV injection). */
class CsvCellsTest {

  @Test
  void formulasGetALeadingApostrophe() {
    assertThat(CsvCells.neutralised("=HYPERLINK(\"http://x\")"))
        .isEqualTo("'=HYPERLINK(\"http://x\")");
    assertThat(CsvCells.neutralised("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    assertThat(CsvCells.neutralised("+1")).isEqualTo("'+1");
    assertThat(CsvCells.neutralised("-2+3")).isEqualTo("'-2+3");
    assertThat(CsvCells.neutralised("\tcmd")).isEqualTo("'\tcmd");
    assertThat(CsvCells.neutralised("\rcmd")).isEqualTo("'\rcmd");
  }

  @Test
  void textAndPlainNumbersAreLeftAlone() {
    assertThat(CsvCells.neutralised("Un potager")).isEqualTo("Un potager");
    assertThat(CsvCells.neutralised("-12.50")).isEqualTo("-12.50");
    assertThat(CsvCells.neutralised("12000")).isEqualTo("12000");
    assertThat(CsvCells.neutralised("")).isEmpty();
    assertThat(CsvCells.neutralised(null)).isNull();
  }
}
