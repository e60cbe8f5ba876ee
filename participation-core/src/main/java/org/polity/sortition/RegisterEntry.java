package org.polity.sortition;

import java.util.Objects;

/**
 * One person of the population register from which invitations are drawn. This is deliberately a
 * plain value: any register (a census export, the eligibility module's census source) can be
 * mapped to a stream of entries.
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
          "A register entry needs a person id and a household id, got '" + personId + "', '"
              + householdId + "'.");
    }
  }
}
