package org.polity.sortition;

import java.util.List;
import java.util.Objects;

/**
 * At most one person per address: two respondents whose values match in every one of {@code
 * columns} never sit on the same panel. An empty column list turns the rule off.
 *
 * @param columns the address columns compared, e.g. {@code [primary_address1, primary_zip]}
 */
public record HouseholdRule(List<String> columns) {

  /** Copies the columns. */
  public HouseholdRule {
    columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
    for (String c : columns) {
      if (c.isBlank()) {
        throw new IllegalArgumentException("An address column name cannot be blank: " + columns);
      }
    }
  }

  /**
   * @return the rule turned off
   */
  public static HouseholdRule none() {
    return new HouseholdRule(List.of());
  }

  /**
   * @param columns address columns
   * @return the rule on these columns
   */
  public static HouseholdRule on(String... columns) {
    return new HouseholdRule(List.of(columns));
  }

  /**
   * @return whether the rule is on
   */
  public boolean active() {
    return !columns.isEmpty();
  }

  /**
   * The household key of a respondent: the values of the address columns joined by a unit
   * separator. A respondent whose address columns are all blank has an unknown address and is
   * matched with nobody (the key is then built from the id).
   *
   * @param respondent the respondent
   * @return the key (empty when the rule is off)
   */
  public String key(Respondent respondent) {
    StringBuilder sb = new StringBuilder();
    boolean blank = true;
    for (String c : columns) {
      String v = respondent.value(c);
      blank &= v.isEmpty();
      sb.append(v).append('\u001f');
    }
    if (blank && active()) {
      return "\u0000unknown address of " + respondent.id();
    }
    return sb.toString();
  }
}
