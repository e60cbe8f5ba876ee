package org.polity.counting;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;

/**
 * What a counting rule counts: one budget's envelope, its projects and its anonymous ballots.
 *
 * @param budget the envelope (exact), more than zero
 * @param currency the currency or unit shown in explanations (e.g. {@code EUR}, {@code PLN})
 * @param projects the projects, each id once
 * @param ballots the ballots; every project they name is one of {@code projects}
 */
public record Election(
    BigDecimal budget, String currency, List<ElectionProject> projects, List<Ballot> ballots) {

  /** Checks ids are unique and that ballots name known projects only. */
  public Election {
    Objects.requireNonNull(budget, "budget");
    if (budget.signum() <= 0) {
      throw new IllegalArgumentException(
          "The budget is " + budget.toPlainString() + ": give an envelope above zero.");
    }
    currency = currency == null ? "" : currency;
    projects = List.copyOf(projects);
    ballots = List.copyOf(ballots);
    Set<ProjectId> ids = new HashSet<>();
    for (ElectionProject project : projects) {
      if (!ids.add(project.id())) {
        throw new IllegalArgumentException(
            "Project " + project.id() + " is listed twice: give each project once.");
      }
    }
    for (Ballot ballot : ballots) {
      for (ProjectId id : ballot.projects()) {
        if (!ids.contains(id)) {
          throw new IllegalArgumentException(
              "A ballot names project " + id + ", which is not one of the election's projects.");
        }
      }
    }
  }

  /**
   * The election to count for one budget of an edition.
   *
   * @param budget the budget (envelope, projects and their costs, district)
   * @param ballots the ballots cast for it
   * @return the election
   */
  public static Election of(org.polity.ballot.VotingBudget budget, List<Ballot> ballots) {
    List<ElectionProject> list = new java.util.ArrayList<>();
    budget
        .projects()
        .forEach(
            (id, cost) ->
                list.add(new ElectionProject(id, cost.amount(), "", Set.of(), budget.district())));
    return new Election(
        budget.envelope().amount(), budget.envelope().currency().getCurrencyCode(), list, ballots);
  }
}
