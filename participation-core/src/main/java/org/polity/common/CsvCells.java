package org.polity.common;

import java.util.regex.Pattern;

/**
 * Cells of CSV files that spreadsheets open without running them (OWASP, "CSV injection"): a cell
 * that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return is a
 * formula to Excel, LibreOffice and Google Sheets ({@code =HYPERLINK(...)}, {@code @SUM(...)},
 * {@code -2+3}); it is written with a leading apostrophe, which the spreadsheet shows as text. A
 * plain number ({@code -12.50}) is left as it is.
 */
public final class CsvCells {

  private static final Pattern NUMBER = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private CsvCells() {}

  /**
   * The cell as it is safe to write.
   *
   * @param cell the value, or null
   * @return the value, prefixed with {@code '} when it would start a formula; null stays null
   */
  public static String neutralised(String cell) {
    if (cell == null || cell.isEmpty()) {
      return cell;
    }
    char first = cell.charAt(0);
    boolean formula =
        first == '='
            || first == '+'
            || first == '-'
            || first == '@'
            || first == '\t'
            || first == '\r';
    if (!formula || NUMBER.matcher(cell).matches()) {
      return cell;
    }
    return "'" + cell;
  }
}
