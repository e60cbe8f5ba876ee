package org.polity.voting;

/**
 * A paper ballot encoded by a first staff member that waits for a second encoder's confirmation
 * (when the edition asks for one). Random, and meaningful only to the desk that holds it.
 *
 * @param value the identifier; not blank
 */
public record PendingEncodingId(String value) {

  /** Refuses a blank identifier. */
  public PendingEncodingId {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A pending encoding id is blank.");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
