package org.polity.counting;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.polity.common.ProjectId;

/**
 * A tie that the tie-breaking rule decided: at one step of the count several projects were equally
 * good on the rule's quantity, the rule's order put them in sequence, and that order changed the
 * outcome (a project it put behind was, as a result, not funded by the rule). Ties that changed
 * nothing (all tied projects funded, or none could be) are not named.
 *
 * <p>When is a tie decisive: for greedy, when a project of the tied group that would still have
 * fitted (money and caps) at the start of the group was left unfunded because the projects put
 * before it took the money; for the Method of Equal Shares and sequential Phragmén, when a project
 * that lost the tie at a round was not funded by the rule in the end (had it been put first, it
 * would have been funded at that round).
 *
 * @param step where the tie happened: for greedy (and a greedy completion) the rank of the group's
 *     first project in the ranking (1 for the top); for the Method of Equal Shares and sequential
 *     Phragmén the round
 * @param quantity what the projects were equal on
 * @param value the equal value, exactly
 * @param projects the tied projects in the order the rule put them (the first won the tie), at
 *     least two
 * @param rule the tie-breaking rule that chose the order
 */
public record Tie(
    int step, Quantity quantity, Rational value, List<ProjectId> projects, TieBreaking rule) {

  /** What tied projects were equal on. */
  public enum Quantity {
    /** Greedy by votes (satisfaction {@code cost}), and a greedy completion: votes. */
    VOTES,
    /** Greedy with satisfaction {@code cardinality}: votes per currency unit of cost. */
    VOTES_PER_COST,
    /** Greedy with satisfaction {@code points}: points per currency unit of cost. */
    POINTS_PER_COST,
    /** Greedy with satisfaction {@code borda}: Borda points per currency unit of cost. */
    BORDA_POINTS_PER_COST,
    /**
     * The Method of Equal Shares: the price ρ its supporters pay per unit of satisfaction (with
     * cost satisfaction, the share of each euro of the project that each supporter pays).
     */
    PRICE,
    /** Sequential Phragmén: the load its supporters would carry after paying for it. */
    LOAD;

    /**
     * @return the name in documents, e.g. {@code votes-per-cost}
     */
    public String id() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** Checks the values; at least two distinct projects. */
  public Tie {
    Objects.requireNonNull(quantity, "quantity");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(rule, "rule");
    projects = List.copyOf(projects);
    if (projects.size() < 2 || projects.stream().distinct().count() != projects.size()) {
      throw new IllegalArgumentException(
          "A tie needs at least two distinct projects, not " + projects + ".");
    }
    if (step < 1) {
      throw new IllegalArgumentException("The step of a tie is 1 or more, not " + step + ".");
    }
  }

  /**
   * @return the project that won the tie (the first in the rule's order)
   */
  public ProjectId first() {
    return projects.get(0);
  }

  /**
   * Whether a project is one of the tied projects.
   *
   * @param project a project
   * @return true if it was tied
   */
  public boolean concerns(ProjectId project) {
    return projects.contains(project);
  }
}
