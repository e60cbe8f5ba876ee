package org.polity.project;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.polity.common.LocalizedText;
import org.polity.common.Money;

/**
 * The services' study of a project: the checklist of the edition's criteria (every criterion
 * answered), a cost estimate that may differ from the authors', who reviewed it, and the public
 * answer. The project is feasible when every criterion is met.
 *
 * @param reviewer the service or staff member who reviewed it
 * @param checklist whether each criterion is met; every {@link FeasibilityCriterion} present
 * @param costEstimate the services' estimate, not negative
 * @param publicAnswer the answer published with the project
 */
public record FeasibilityReview(
    String reviewer,
    Map<FeasibilityCriterion, Boolean> checklist,
    Money costEstimate,
    LocalizedText publicAnswer) {

  /** Validates the review and copies the checklist. */
  public FeasibilityReview {
    if (reviewer == null || reviewer.isBlank()) {
      throw new IllegalArgumentException(
          "The reviewer is blank: name the service that reviewed the project.");
    }
    Objects.requireNonNull(checklist, "checklist");
    Set<FeasibilityCriterion> missing = EnumSet.allOf(FeasibilityCriterion.class);
    missing.removeAll(checklist.keySet());
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "The checklist of "
              + reviewer
              + " does not answer "
              + missing
              + ": answer every criterion.");
    }
    if (checklist.containsValue(null)) {
      throw new IllegalArgumentException(
          "The checklist of " + reviewer + " has an empty answer: answer true or false.");
    }
    Objects.requireNonNull(
        costEstimate, "The cost estimate is missing: give the services' estimate.");
    if (costEstimate.isNegative()) {
      throw new IllegalArgumentException(
          "The cost estimate " + costEstimate + " is negative: give an amount of zero or more.");
    }
    Objects.requireNonNull(
        publicAnswer, "The public answer is missing: write what the authors will read.");
    checklist = Collections.unmodifiableMap(new EnumMap<>(checklist));
  }

  /**
   * A review with every criterion met.
   *
   * @param reviewer the reviewer
   * @param costEstimate the estimate
   * @param publicAnswer the public answer
   * @return the review
   */
  public static FeasibilityReview allMet(
      String reviewer, Money costEstimate, LocalizedText publicAnswer) {
    return failing(reviewer, costEstimate, publicAnswer);
  }

  /**
   * A review in which the given criteria fail and the others are met.
   *
   * @param reviewer the reviewer
   * @param costEstimate the estimate
   * @param publicAnswer the public answer
   * @param failed the criteria not met
   * @return the review
   */
  public static FeasibilityReview failing(
      String reviewer,
      Money costEstimate,
      LocalizedText publicAnswer,
      FeasibilityCriterion... failed) {
    Map<FeasibilityCriterion, Boolean> checklist = new EnumMap<>(FeasibilityCriterion.class);
    for (FeasibilityCriterion criterion : FeasibilityCriterion.values()) {
      checklist.put(criterion, true);
    }
    for (FeasibilityCriterion criterion : failed) {
      checklist.put(criterion, false);
    }
    return new FeasibilityReview(reviewer, checklist, costEstimate, publicAnswer);
  }

  /**
   * Whether every criterion is met.
   *
   * @return true if feasible
   */
  public boolean feasible() {
    return !checklist.containsValue(false);
  }

  /**
   * The criteria not met, in checklist order.
   *
   * @return the failed criteria
   */
  public List<FeasibilityCriterion> failedCriteria() {
    return checklist.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
  }
}
