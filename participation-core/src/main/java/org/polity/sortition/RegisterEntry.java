package org.polity.sortition;

import java.util.Objects;

/**
 * One person of the population register from which invitations are drawn. This is deliberately a
 * plain value, independent of any census SPI: whatever can list residents (a register export today,
 * a census source that can enumerate residents later) is mapped to a stream of entries and given to
 * {@link Invitations#draw}.
 *
 * @param personId the person's register id
 * @param householdId the household (address) the person lives in
 */
public record RegisterEntry(String personId, String householdId) {

  /** Validates. */
  public RegisterEntry {
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(householdId, "householdId");
    if (personId.isBlank() || householdId.isBlank()) {
      throw new IllegalArgumentException(
          "A register entry needs a person id and a household id, got '"
              + personId
              + "', '"
              + householdId
              + "'.");
    }
  }
}
