package org.polity.ballot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProjectId;

/**
 * One budget of an edition as voters see it: the city-wide budget or one district's, with its own
 * envelope, projects (by id, with their cost) and ballot form.
 *
 * @param id the budget
 * @param name its name, in several languages
 * @param district the district it belongs to, or empty for the city-wide budget
 * @param envelope the money to distribute
 * @param projects the cost of each project one may vote for, in display order
 * @param form what a valid ballot is
 */
public record VotingBudget(
    BudgetId id,
    LocalizedText name,
    Optional<String> district,
    Money envelope,
    Map<ProjectId, Money> projects,
    BallotForm form) {

  /** Checks costs share the envelope's currency. */
  public VotingBudget {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    district = district == null ? Optional.empty() : district;
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(form, "form");
    projects = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(projects));
    for (Map.Entry<ProjectId, Money> e : projects.entrySet()) {
      if (!e.getValue().currency().equals(envelope.currency())) {
        throw new IllegalArgumentException(
            "Project "
                + e.getKey()
                + " of budget "
                + id
                + " costs "
                + e.getValue()
                + " but the envelope is in "
                + envelope.currency()
                + ": use one currency per budget.");
      }
    }
  }

  /**
   * @return whether this is the city-wide budget (no district)
   */
  public boolean cityWide() {
    return district.isEmpty();
  }

  /**
   * Every reason why a ballot is invalid for this budget.
   *
   * @param ballot the ballot
   * @return the problems, each attributed to this budget; empty when valid
   */
  public List<BallotProblem> problems(Ballot ballot) {
    List<BallotProblem> out = new ArrayList<>();
    for (BallotProblem p : form.problems(ballot, projects)) {
      out.add(p.in(id));
    }
    return out;
  }
}
