package org.polity.sortition;

import org.polity.common.LocalizedText;

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
   * @return whether the respondent joined the pool
   */
  default boolean accepted() {
    return this instanceof Accepted;
  }
}
