package org.polity.pabulib;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code .pb} file as written: the META section (a {@code key;value} table), and the PROJECTS and
 * VOTES tables of raw cells. {@link PabulibReader} produces it, {@link PabulibWriter} writes it,
 * and {@link PabulibElections#toElection(PabulibFile)} interprets it for counting. Rows remember
 * their line numbers for error messages, but equality compares cells only, so that {@code
 * read(write(read(f)))} equals {@code read(f)}.
 *
 * @param meta the META section: header {@code key;value}, one row per pair, in file order
 * @param projects the PROJECTS section
 * @param votes the VOTES section
 */
public record PabulibFile(PabulibTable meta, PabulibTable projects, PabulibTable votes) {

  /** Checks the parts are present and that META has two columns. */
  public PabulibFile {
    Objects.requireNonNull(meta, "meta");
    Objects.requireNonNull(projects, "projects");
    Objects.requireNonNull(votes, "votes");
    if (meta.header().size() != 2) {
      throw new PabulibFormatException(
          0, "the META header must have two fields (key;value), found " + meta.header());
    }
  }

  /**
   * A file from a META map (header {@code key;value}) and the two tables.
   *
   * @param meta the META pairs, in order
   * @param projects the PROJECTS section
   * @param votes the VOTES section
   * @return the file
   */
  public static PabulibFile of(
      Map<String, String> meta, PabulibTable projects, PabulibTable votes) {
    java.util.List<PabulibTable.Row> rows = new java.util.ArrayList<>();
    meta.forEach((key, value) -> rows.add(PabulibTable.Row.of(java.util.List.of(key, value))));
    return new PabulibFile(
        new PabulibTable(java.util.List.of("key", "value"), rows), projects, votes);
  }

  /**
   * The META pairs; when a key occurs twice the last value wins, as in pabutools.
   *
   * @return the pairs in file order
   */
  public Map<String, String> metaMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (PabulibTable.Row row : meta.rows()) {
      map.put(row.cell(0), row.cell(1));
    }
    return map;
  }

  /**
   * The last META row for a key.
   *
   * @param key a META key such as {@code budget}
   * @return the row, with its line number
   */
  public Optional<PabulibTable.Row> metaRow(String key) {
    PabulibTable.Row found = null;
    for (PabulibTable.Row row : meta.rows()) {
      if (row.cell(0).equals(key)) {
        found = row;
      }
    }
    return Optional.ofNullable(found);
  }
}
