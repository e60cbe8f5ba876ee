package org.polity.ballot;

/** The four kinds of ballot, one per record of {@link Ballot}. */
public enum BallotKind {
  /** Approve a set of projects. */
  APPROVAL,
  /** Give each project a score. */
  CARDINAL,
  /** Spread points over projects. */
  CUMULATIVE,
  /** Rank projects, best first. */
  ORDINAL;

  /**
   * The kind of a ballot.
   *
   * @param ballot a ballot
   * @return its kind
   */
  public static BallotKind of(Ballot ballot) {
    if (ballot instanceof Ballot.Approval) {
      return APPROVAL;
    }
    if (ballot instanceof Ballot.Cardinal) {
      return CARDINAL;
    }
    if (ballot instanceof Ballot.Cumulative) {
      return CUMULATIVE;
    }
    return ORDINAL;
  }
}
