package org.polity.eligibility.spi;

import java.util.Objects;
import org.polity.identity.ParticipantKey;

/**
 * One person of a census list or population register, as a source lists it for drawing invitations
 * to a citizens' assembly: the person's participant key and a pseudonymous household (address) key,
 * never a name or an address. The municipality that holds the register turns the drawn keys back
 * into letters; Polity never sees who they are.
 *
 * @param participant the person's participant key
 * @param household an opaque household key (people at the same address share it); a source that
 *     knows no households gives each person a household of their own
 */
public record CensusEntry(ParticipantKey participant, String household) {

  /** Validates the parts. */
  public CensusEntry {
    Objects.requireNonNull(participant, "participant");
    if (household == null || household.isBlank()) {
      throw new IllegalArgumentException(
          "The household of "
              + participant
              + " is blank: give an opaque household key, or the"
              + " participant key itself when the register knows no households.");
    }
  }

  /**
   * An entry for a person whose household is unknown: the person is a household of their own.
   *
   * @param participant the person's key
   * @return the entry
   */
  public static CensusEntry alone(ParticipantKey participant) {
    return new CensusEntry(participant, participant.toString());
  }
}
