package org.polity.counting;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.polity.common.ProjectId;

/**
 * The outcome of a count.
 *
 * @param rule the rule's name and options in words, e.g. {@code mes cost add1}
 * @param winners the funded projects, in the order the rule funded them
 * @param cost the total cost of the winners (exact)
 * @param explanations one explanation per project of the election, in the election's order
 * @param notes sentences about the count as a whole (e.g. how far Add1 raised the money per voter,
 *     or which projects a tie-breaking rule put in sequence)
 * @param ties the ties the tie-breaking rule decided, in the order they happened ({@link Tie});
 *     empty when no tie changed the outcome
 */
public record CountingResult(
    String rule,
    List<ProjectId> winners,
    BigDecimal cost,
    Map<ProjectId, Explanation> explanations,
    List<Reason> notes,
    List<Tie> ties) {

  /** Copies the collections. */
  public CountingResult {
    Objects.requireNonNull(rule, "rule");
    winners = List.copyOf(winners);
    Objects.requireNonNull(cost, "cost");
    explanations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(explanations));
    notes = List.copyOf(notes);
    ties = List.copyOf(ties);
  }

  /**
   * A result without ties (the form rules written before ties were reported build).
   *
   * @param rule the rule's name and options in words
   * @param winners the funded projects, in funding order
   * @param cost the total cost of the winners
   * @param explanations one explanation per project
   * @param notes sentences about the count as a whole
   */
  public CountingResult(
      String rule,
      List<ProjectId> winners,
      BigDecimal cost,
      Map<ProjectId, Explanation> explanations,
      List<Reason> notes) {
    this(rule, winners, cost, explanations, notes, List.of());
  }

  /**
   * The decided ties a project was part of.
   *
   * @param project a project
   * @return its ties, in the order they happened
   */
  public List<Tie> ties(ProjectId project) {
    return ties.stream().filter(tie -> tie.concerns(project)).toList();
  }

  /**
   * Whether a project is funded.
   *
   * @param project a project
   * @return true if it is among the winners
   */
  public boolean isFunded(ProjectId project) {
    return winners.contains(project);
  }
}
