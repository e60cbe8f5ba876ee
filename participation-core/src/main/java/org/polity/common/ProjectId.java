package org.polity.common;

/**
 * The identifier of a project (an idea submitted to a participatory budget); Pabulib ids such as
 * {@code BO.OM.97/24} are kept as written.
 *
 * <p>Aggregates refer to each other by identifier, never by object reference. Identifiers compare
 * as strings, in plain code-point order, which is also the default tie-breaking order of counting
 * rules.
 *
 * @param value the identifier as written; not blank
 */
public record ProjectId(String value) implements Comparable<ProjectId> {

  /** Refuses a blank identifier. */
  public ProjectId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A Project id is blank: give a non-blank identifier.");
    }
  }

  /**
   * An identifier from its text.
   *
   * @param value the identifier
   * @return the identifier
   */
  public static ProjectId of(String value) {
    return new ProjectId(value);
  }

  @Override
  public int compareTo(ProjectId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
