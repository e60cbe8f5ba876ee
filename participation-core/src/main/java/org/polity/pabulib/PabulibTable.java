package org.polity.pabulib;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One section of a {@code .pb} file (PROJECTS or VOTES): a header and rows of raw cells, exactly as
 * written (no trimming, no interpretation).
 *
 * @param header the column names, in file order
 * @param rows the rows; each has as many cells as the header
 */
public record PabulibTable(List<String> header, List<Row> rows) {

  /** Checks that every row has one cell per column. */
  public PabulibTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
    for (Row row : rows) {
      if (row.cells().size() != header.size()) {
        throw new PabulibFormatException(
            row.line(),
            "expected "
                + header.size()
                + " fields ("
                + String.join(";", header)
                + ") but found "
                + row.cells().size());
      }
    }
  }

  /**
   * The position of a column.
   *
   * @param name the column name
   * @return its index, or empty when the file has no such column
   */
  public Optional<Integer> column(String name) {
    int index = header.indexOf(name);
    return index < 0 ? Optional.empty() : Optional.of(index);
  }

  /**
   * One row of raw cells.
   *
   * <p>The line number is where the row was read, for error messages; it takes no part in equality,
   * so that a file written and read again equals the original.
   *
   * @param cells the raw cells
   * @param line the 1-based line number in the source file, or 0 for a row built in memory
   */
  public record Row(List<String> cells, int line) {
    /** Copies the cells. */
    public Row {
      cells = List.copyOf(cells);
    }

    /**
     * A row built in memory.
     *
     * @param cells the cells
     * @return the row
     */
    public static Row of(List<String> cells) {
      return new Row(cells, 0);
    }

    /**
     * One cell.
     *
     * @param index the column index
     * @return the raw cell
     */
    public String cell(int index) {
      return cells.get(index);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Row row && cells.equals(row.cells);
    }

    @Override
    public int hashCode() {
      return Objects.hash(cells);
    }
  }
}
