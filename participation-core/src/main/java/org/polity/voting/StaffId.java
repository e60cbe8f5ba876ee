package org.polity.voting;

/**
 * A staff member who encodes paper ballots at a desk (a login or a personnel number). Recorded on
 * the participation record of the voter, never on the ballot.
 *
 * @param value the identifier; not blank
 */
public record StaffId(String value) {

  /** Refuses a blank identifier. */
  public StaffId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A staff id is blank: give the encoder's login.");
    }
    value = value.strip();
  }

  /**
   * A staff identifier from its text.
   *
   * @param value the identifier
   * @return the identifier
   */
  public static StaffId of(String value) {
    return new StaffId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
