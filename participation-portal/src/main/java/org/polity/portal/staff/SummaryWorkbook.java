package org.polity.portal.staff;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.polity.jakarta.project.ProjectService;
import org.polity.project.SummaryTable;

/**
 * The summary of an edition as an XLSX workbook: the same rows and columns as the CSV ({@link
 * SummaryTable#rows}), amounts and votes as numbers so that a spreadsheet sums them, the header row
 * frozen. Written with fastexcel, which streams the rows.
 */
public final class SummaryWorkbook {

  private static final Set<String> NUMBERS = Set.of("estimated_cost", "reviewed_cost", "votes");

  private SummaryWorkbook() {}

  /**
   * Writes the workbook.
   *
   * @param summary the service's summary
   * @param language the language of titles and status labels
   * @param out where to write
   * @throws IOException when writing fails
   */
  public static void write(ProjectService.Summary summary, Locale language, OutputStream out)
      throws IOException {
    Workbook workbook = new Workbook(out, "Polity", "1.0");
    Worksheet sheet = workbook.newWorksheet("summary");
    List<String> columns = SummaryTable.COLUMNS;
    for (int c = 0; c < columns.size(); c++) {
      sheet.value(0, c, columns.get(c));
      sheet.style(0, c).bold().set();
    }
    sheet.freezePane(0, 1);
    int r = 1;
    for (Map<String, String> row :
        SummaryTable.rows(summary.projects(), summary.votes(), language)) {
      for (int c = 0; c < columns.size(); c++) {
        String value = row.getOrDefault(columns.get(c), "");
        if (NUMBERS.contains(columns.get(c)) && !value.isEmpty()) {
          sheet.value(r, c, new BigDecimal(value));
        } else {
          sheet.value(r, c, value);
        }
      }
      r++;
    }
    workbook.finish();
  }
}
