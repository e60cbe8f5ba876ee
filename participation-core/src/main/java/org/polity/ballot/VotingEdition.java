package org.polity.ballot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polity.common.BudgetId;

/**
 * The budgets of one edition (city-wide plus one per district, as in Paris or Warsaw) and the rule
 * that a voter may vote in the city-wide budget and in at most one district's budget.
 *
 * @param budgets the budgets, each id once
 */
public record VotingEdition(List<VotingBudget> budgets) {

  /** Checks budget ids are unique. */
  public VotingEdition {
    budgets = List.copyOf(budgets);
    java.util.Set<BudgetId> ids = new java.util.HashSet<>();
    for (VotingBudget b : budgets) {
      if (!ids.add(b.id())) {
        throw new IllegalArgumentException(
            "Budget " + b.id() + " is listed twice: give each budget once.");
      }
    }
  }

  /**
   * Every reason why a voter's submission (one ballot per budget voted in) is invalid.
   *
   * @param submission a ballot per budget
   * @return the problems, empty when the submission is valid
   */
  public List<BallotProblem> problems(Map<BudgetId, Ballot> submission) {
    Map<BudgetId, VotingBudget> byId = new LinkedHashMap<>();
    budgets.forEach(b -> byId.put(b.id(), b));
    List<BallotProblem> problems = new ArrayList<>();
    List<String> districts = new ArrayList<>();
    for (Map.Entry<BudgetId, Ballot> e : submission.entrySet()) {
      VotingBudget budget = byId.get(e.getKey());
      if (budget == null) {
        problems.add(BallotProblem.of("edition.unknownBudget", e.getKey().value()));
        continue;
      }
      budget.district().ifPresent(districts::add);
      problems.addAll(budget.problems(e.getValue()));
    }
    if (districts.size() > 1) {
      problems.add(BallotProblem.of("edition.severalDistricts", String.join(", ", districts)));
    }
    return List.copyOf(problems);
  }
}
