package org.polity.sortition;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Reads the CSV formats of a draw (those of the Sortition Foundation's tools).
 *
 * <ul>
 *   <li>People: a header row, an id column ({@code id} by default) and one column per feature;
 *       other columns are kept (the household rule may name them).
 *   <li>Features: {@code feature,value,min,max} and optionally {@code min_flex,max_flex}.
 * </ul>
 *
 * Every error names the file, the row and the fix.
 */
public final class SortitionCsv {

  private static final CsvMapper MAPPER = new CsvMapper();

  private SortitionCsv() {}

  /**
   * Reads a pool of respondents; duplicate ids are an error (naming the id).
   *
   * @param file the people CSV
   * @param idColumn the id column, e.g. {@code id}
   * @return the pool
   * @throws IOException if the file cannot be read
   */
  public static Pool readPeople(Path file, String idColumn) throws IOException {
    List<Map<String, String>> rows = readRows(file);
    if (!rows.isEmpty() && !rows.get(0).containsKey(idColumn)) {
      throw new IllegalArgumentException(
          file
              + ": no '"
              + idColumn
              + "' column; the people file needs an id column (found "
              + rows.get(0).keySet()
              + ").");
    }
    Pool.Builder builder = Pool.builder();
    int line = 1;
    for (Map<String, String> row : rows) {
      line++;
      String id = row.get(idColumn);
      if (id == null || id.isBlank()) {
        throw new IllegalArgumentException(file + " row " + line + ": empty id.");
      }
      Map<String, String> columns = new LinkedHashMap<>(row);
      columns.remove(idColumn);
      Registration registration = builder.register(new Respondent(id.trim(), columns));
      if (registration instanceof Registration.RefusedDuplicate refused) {
        throw new IllegalArgumentException(
            file + " row " + line + ": " + refused.reason().in(java.util.Locale.ENGLISH));
      }
    }
    return builder.build();
  }

  /**
   * Reads quotas.
   *
   * @param file the features CSV
   * @return one quota per row
   * @throws IOException if the file cannot be read
   */
  public static List<Quota> readQuotas(Path file) throws IOException {
    List<Map<String, String>> rows = readRows(file);
    List<Quota> quotas = new ArrayList<>();
    int line = 1;
    for (Map<String, String> row : rows) {
      line++;
      for (String column : List.of("feature", "value", "min", "max")) {
        if (!row.containsKey(column)) {
          throw new IllegalArgumentException(
              file
                  + ": missing column '"
                  + column
                  + "'; expected feature,value,min,max"
                  + "[,min_flex,max_flex].");
        }
      }
      try {
        quotas.add(
            new Quota(
                row.get("feature"),
                row.get("value"),
                parseInt(row.get("min")),
                parseInt(row.get("max")),
                optionalInt(row.get("min_flex")),
                optionalInt(row.get("max_flex"))));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " row " + line + ": " + e.getMessage(), e);
      }
    }
    if (quotas.isEmpty()) {
      throw new IllegalArgumentException(file + ": no quota rows.");
    }
    return quotas;
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + s + "' is not a whole number.");
    }
  }

  private static OptionalInt optionalInt(String s) {
    return s == null || s.isBlank() ? OptionalInt.empty() : OptionalInt.of(parseInt(s));
  }

  private static List<Map<String, String>> readRows(Path file) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        MappingIterator<Map<String, String>> it =
            MAPPER.readerForMapOf(String.class).with(schema).readValues(reader)) {
      List<Map<String, String>> rows = new ArrayList<>();
      while (it.hasNext()) {
        rows.add(it.next());
      }
      return rows;
    } catch (com.fasterxml.jackson.core.JacksonException e) {
      throw new IllegalArgumentException(
          file + ": not a valid CSV file: " + e.getOriginalMessage(), e);
    }
  }
}
