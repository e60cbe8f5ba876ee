package org.polity.counting;

import java.math.BigDecimal;
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
   * The sentence the tie adds to the explanation of one of its projects: <i>"It was tied with
   * project B on 5 votes: the tie-breaking rule (lowest project id first) put them in the order A,
   * B."</i>
   *
   * @param project one of the tied projects
   * @param currency the election's currency
   * @return the reason (code {@code tie.votes}, {@code tie.perCost}, {@code tie.price} or {@code
   *     tie.load})
   * @throws IllegalArgumentException when the project is not one of the tie's
   */
  public Reason reason(ProjectId project, String currency) {
    if (!concerns(project)) {
      throw new IllegalArgumentException(
          "Project " + project + " is not one of the tied projects " + projects + ".");
    }
    List<String> others =
        projects.stream().filter(id -> !id.equals(project)).map(ProjectId::value).toList();
    return Reason.of(
        "tie." + code(),
        others.size(),
        String.join(", ", others),
        step,
        ruleIndex(),
        order(),
        shownValue(),
        currency,
        measure());
  }

  /**
   * The sentence the tie adds to the notes of the count: <i>"Projects A, B were tied on 5 votes
   * (from rank 1 of the ranking): the tie-breaking rule (lowest project id first) put them in this
   * order."</i>
   *
   * @param currency the election's currency
   * @return the reason (code {@code note.tie.votes}, ...)
   */
  public Reason note(String currency) {
    return Reason.of(
        "note.tie." + code(), order(), step, ruleIndex(), shownValue(), currency, measure());
  }

  /**
   * @return the equal value as shown: rounded to 6 decimals, trailing zeros removed
   */
  public BigDecimal shownValue() {
    BigDecimal shown = value.toDecimal(6).stripTrailingZeros();
    return shown.scale() < 0 ? shown.setScale(0) : shown;
  }

  private String code() {
    return switch (quantity) {
      case VOTES -> "votes";
      case VOTES_PER_COST, POINTS_PER_COST, BORDA_POINTS_PER_COST -> "perCost";
      case PRICE -> "price";
      case LOAD -> "load";
    };
  }

  private int measure() {
    return switch (quantity) {
      case POINTS_PER_COST -> 1;
      case BORDA_POINTS_PER_COST -> 2;
      default -> 0;
    };
  }

  /** The rule's index in the messages' {@code choice} patterns. */
  private int ruleIndex() {
    if (rule instanceof TieBreaking.ByIdCodePoints) {
      return 0;
    } else if (rule instanceof TieBreaking.ByIdUtf16) {
      return 1;
    } else if (rule instanceof TieBreaking.Listed) {
      return 2;
    } else if (rule instanceof TieBreaking.ProjectOrder) {
      return 3;
    } else if (rule instanceof TieBreaking.FewerCostFirst) {
      return 4;
    }
    return 5;
  }

  private String order() {
    return String.join(", ", projects.stream().map(ProjectId::value).toList());
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
