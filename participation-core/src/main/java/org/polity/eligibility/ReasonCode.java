package org.polity.eligibility;

/**
 * Why a person is not (or not yet) eligible. Each code has a {@link Status}, a message in French,
 * Dutch and English ({@code reason.CODE} in the {@code org.polity.eligibility.messages} bundles)
 * and, when the person can do something about it, a remedy ({@code remedy.CODE}). The message
 * arguments are listed per code; none of them is personal data (no birth date, no address).
 */
public enum ReasonCode {
  /** The action is open to no one in this process. No arguments. */
  NOT_ALLOWED(Status.UNAUTHORISED, false),
  /** The person is not identified. No arguments. */
  IDENTITY_MISSING(Status.MISSING, true),
  /** The identity verification is under way. No arguments. */
  IDENTITY_PENDING(Status.PENDING, true),
  /** The identity verification has expired. No arguments. */
  IDENTITY_EXPIRED(Status.EXPIRED, true),
  /** The identity is verified below the required level. Arguments: required level, actual level. */
  IDENTITY_NOT_VERIFIED(Status.INCOMPLETE, true),
  /** The birth date is unknown. No arguments. */
  BIRTH_DATE_MISSING(Status.MISSING, true),
  /** The birth date's verification is under way. No arguments. */
  BIRTH_DATE_PENDING(Status.PENDING, true),
  /** The birth date's verification has expired. No arguments. */
  BIRTH_DATE_EXPIRED(Status.EXPIRED, true),
  /** The birth date is verified below the required level. Arguments: required, actual level. */
  BIRTH_DATE_NOT_VERIFIED(Status.INCOMPLETE, true),
  /** The address is unknown. No arguments. */
  ADDRESS_MISSING(Status.MISSING, true),
  /** The address verification is under way. No arguments. */
  ADDRESS_PENDING(Status.PENDING, true),
  /** The address verification has expired. No arguments. */
  ADDRESS_EXPIRED(Status.EXPIRED, true),
  /** The address is verified below the required level. Arguments: required, actual level. */
  ADDRESS_NOT_VERIFIED(Status.INCOMPLETE, true),
  /**
   * The address lacks the part a rule needs. Argument: the part (municipality, postal code, point).
   */
  ADDRESS_INCOMPLETE(Status.INCOMPLETE, true),
  /** Younger than the minimum age. Arguments: minimum age, reference date. */
  TOO_YOUNG(Status.UNAUTHORISED, false),
  /** Older than the maximum age. Arguments: maximum age, reference date. */
  TOO_OLD(Status.UNAUTHORISED, false),
  /** Lives in another municipality. Argument: the territory. */
  NOT_RESIDENT(Status.UNAUTHORISED, true),
  /** Lives outside the postal codes. Argument: the postal codes. */
  POSTAL_CODE_OUTSIDE(Status.UNAUTHORISED, true),
  /** The address point is outside the areas. Argument: the areas' names. */
  OUTSIDE_AREA(Status.UNAUTHORISED, true),
  /** Not in the census or register. Argument: the register's name. */
  NOT_IN_CENSUS(Status.UNAUTHORISED, true),
  /** The census or register cannot answer now. Argument: the register's name. */
  CENSUS_UNAVAILABLE(Status.PENDING, true),
  /** Belongs to a group excluded from the action. No arguments. */
  EXCLUDED(Status.UNAUTHORISED, false);

  private final Status status;
  private final boolean remedy;

  ReasonCode(Status status, boolean remedy) {
    this.status = status;
    this.remedy = remedy;
  }

  /**
   * @return the status this reason gives a decision
   */
  public Status status() {
    return status;
  }

  /**
   * @return whether the person can do something about it (a {@code remedy.CODE} text exists)
   */
  public boolean hasRemedy() {
    return remedy;
  }
}
