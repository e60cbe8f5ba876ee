package org.polity.sortition;

import org.polity.common.LocalizedText;
import org.polity.eligibility.Decision;

/**
 * The outcome of registering a respondent in a {@link Pool.Builder}: accepted, or refused with a
 * reason. A refusal is an expected outcome (a person answering twice), not an error.
 */
public sealed interface Registration {

  /**
   * The respondent joined the pool.
   *
   * @param id the respondent's id
   */
  record Accepted(String id) implements Registration {}

  /**
   * The respondent was refused because the pool already holds someone with the same id.
   *
   * @param id the id that is already registered
   * @param reason a sentence for the participation officer (English, French, Dutch)
   */
  record RefusedDuplicate(String id, LocalizedText reason) implements Registration {}

  /**
   * The respondent was refused because the assembly's eligibility rule (for the action {@code
   * BE_DRAWN}) does not admit them, or cannot decide yet. The decision carries every reason and
   * what the person could do, in French, Dutch and English.
   *
   * @param id the respondent's id
   * @param decision the eligibility decision, never {@code Eligible}
   */
  record RefusedIneligible(String id, Decision decision) implements Registration {
    /** Refuses an eligible decision, which is no refusal. */
    public RefusedIneligible {
      if (decision instanceof Decision.Eligible) {
        throw new IllegalArgumentException(
            "Respondent " + id + " is eligible: register them instead of refusing them.");
      }
    }
  }

  /**
   * @return whether the respondent joined the pool
   */
  default boolean accepted() {
    return this instanceof Accepted;
  }
}
