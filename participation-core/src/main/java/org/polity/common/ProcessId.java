package org.polity.common;

/**
 * The identifier of a participatory process (an edition of a participatory budget, a consultation,
 * an assembly).
 *
 * <p>Aggregates refer to each other by identifier, never by object reference. Identifiers compare
 * as strings, in plain code-point order, which is also the default tie-breaking order of counting
 * rules.
 *
 * @param value the identifier as written; not blank
 */
public record ProcessId(String value) implements Comparable<ProcessId> {

  /** Refuses a blank identifier. */
  public ProcessId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A Process id is blank: give a non-blank identifier.");
    }
  }

  /**
   * An identifier from its text.
   *
   * @param value the identifier
   * @return the identifier
   */
  public static ProcessId of(String value) {
    return new ProcessId(value);
  }

  @Override
  public int compareTo(ProcessId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
