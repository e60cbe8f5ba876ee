package org.polity.counting;

/**
 * How much a voter gains from a funded project, as pabutools defines the measures. A rule maximises
 * (greedy) or shares out (Method of Equal Shares) this satisfaction.
 */
public enum Satisfaction {
  /** The project's cost if the voter named it, else 0: every supporter pays an equal share. */
  COST,
  /** 1 if the voter named the project, else 0 (approvals per unit of cost). */
  CARDINALITY,
  /** The points or score the voter gave the project (cumulative and scoring ballots). */
  POINTS,
  /**
   * Borda score of a ranking: in a ranking of length L, the project at position k (0 = first)
   * scores L − k − 1, so the last-ranked project scores 0 (ordinal ballots).
   */
  BORDA
}
