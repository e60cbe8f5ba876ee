package org.polity.common;

/**
 * The identifier of a budget of an edition (the city-wide budget, or one district's).
 *
 * <p>Aggregates refer to each other by identifier, never by object reference. Identifiers compare
 * as strings, in plain code-point order, which is also the default tie-breaking order of counting
 * rules.
 *
 * @param value the identifier as written; not blank
 */
public record BudgetId(String value) implements Comparable<BudgetId> {

  /** Refuses a blank identifier. */
  public BudgetId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A Budget id is blank: give a non-blank identifier.");
    }
  }

  /**
   * An identifier from its text.
   *
   * @param value the identifier
   * @return the identifier
   */
  public static BudgetId of(String value) {
    return new BudgetId(value);
  }

  @Override
  public int compareTo(BudgetId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
