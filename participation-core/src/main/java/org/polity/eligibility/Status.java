package org.polity.eligibility;

/**
 * The status of a decision or of one of its reasons, after Decidim's authorisation statuses: the
 * person is {@link #OK}, or something is {@link #MISSING}, {@link #EXPIRED}, {@link #PENDING} or
 * {@link #INCOMPLETE} (the person can fix it), or the person is {@link #UNAUTHORISED} (the facts
 * are known and do not qualify).
 */
public enum Status {
  /** Eligible. */
  OK,
  /** Needed evidence is missing (no birth date, not identified). */
  MISSING,
  /** The evidence's verification has expired. */
  EXPIRED,
  /** A verification is under way, or a source cannot answer yet. */
  PENDING,
  /** The facts are known and do not qualify (too young, lives elsewhere, not in the register). */
  UNAUTHORISED,
  /**
   * Evidence is there but not enough (self-declared where verification is required, an address
   * without its point).
   */
  INCOMPLETE
}
