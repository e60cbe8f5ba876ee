package org.polity.sortition;

import java.util.Map;
import java.util.Objects;

/**
 * A person who answered the invitation and registered for the draw.
 *
 * <p>{@code columns} holds every value known about the person: the features used by the quotas (for
 * example {@code gender=female}) and the address columns used by the {@link HouseholdRule}. Values
 * are compared as exact strings after trimming.
 *
 * @param id unique identifier of the respondent in the pool (not blank)
 * @param columns column name to value; copied, unmodifiable
 */
public record Respondent(String id, Map<String, String> columns) {

  /** Validates the id and copies the columns (trimming values). */
  public Respondent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(columns, "columns");
    if (id.isBlank()) {
      throw new IllegalArgumentException("A respondent id cannot be blank; give every row an id.");
    }
    java.util.LinkedHashMap<String, String> copy = new java.util.LinkedHashMap<>();
    columns.forEach(
        (k, v) -> {
          if (k == null || v == null) {
            throw new IllegalArgumentException(
                "Respondent " + id + " has a null column name or value; use an empty string.");
          }
          copy.put(k, v.trim());
        });
    columns = java.util.Collections.unmodifiableMap(copy);
  }

  /**
   * The value of a column.
   *
   * @param column column name
   * @return the value, or an empty string when the column is absent
   */
  public String value(String column) {
    return columns.getOrDefault(column, "");
  }
}
