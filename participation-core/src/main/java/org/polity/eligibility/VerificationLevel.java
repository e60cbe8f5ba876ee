package org.polity.eligibility;

/**
 * How well a piece of evidence about a person has been verified, weakest first. Rules ask for a
 * minimum level; a higher level always satisfies a lower requirement.
 */
public enum VerificationLevel {
  /** The person typed it in themselves; nothing checked it. */
  SELF_DECLARED,
  /** An identity provider (eID, itsme, FranceConnect...) vouched for it. */
  IDENTITY_PROVIDER,
  /** Staff checked an identity document or the population register at a desk. */
  DESK;

  /**
   * Whether this level satisfies a requirement.
   *
   * @param required the minimum level asked for
   * @return true if this level is the required one or a stronger one
   */
  public boolean satisfies(VerificationLevel required) {
    return compareTo(required) >= 0;
  }
}
