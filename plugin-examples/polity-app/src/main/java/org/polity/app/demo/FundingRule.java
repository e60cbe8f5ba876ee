package org.polity.app.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polity.ballot.Ballot;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.project.Project;

/**
 * The counting step of the demo: which projects on the ballot are funded, given the ballots and
 * the envelope. The demo uses {@link #MOST_VOTES_FIRST} for now; a rule from {@code
 * org.polity.counting} (greedy, Method of Equal Shares) replaces it by implementing this one
 * method.
 */
@FunctionalInterface
public interface FundingRule {

  /**
   * The funded projects, in the order they were funded.
   *
   * @param onBallot the projects on the ballot
   * @param ballots the ballots cast
   * @param envelope the money to share
   * @return the funded projects, in order
   */
  List<ProjectId> fund(List<Project> onBallot, List<Ballot> ballots, Money envelope);

  /**
   * The approvals each project received.
   *
   * @param onBallot the projects on the ballot
   * @param ballots the ballots
   * @return the number of ballots naming each project (zero included)
   */
  static Map<ProjectId, Long> approvals(List<Project> onBallot, List<Ballot> ballots) {
    Map<ProjectId, Long> votes = new HashMap<>();
    onBallot.forEach(p -> votes.put(p.id(), 0L));
    for (Ballot ballot : ballots) {
      for (ProjectId id : ballot.projects()) {
        votes.merge(id, 1L, Long::sum);
      }
    }
    return votes;
  }

  /**
   * "Most votes first while money remains": projects in decreasing order of approvals (ties by id)
   * are funded when they fit in the money left; one that does not fit is skipped and the next one
   * is tried.
   */
  FundingRule MOST_VOTES_FIRST =
      (onBallot, ballots, envelope) -> {
        Map<ProjectId, Long> votes = approvals(onBallot, ballots);
        List<Project> order = new ArrayList<>(onBallot);
        order.sort(
            Comparator.comparing((Project p) -> votes.get(p.id())).reversed().thenComparing(Project::id));
        Money left = envelope;
        List<ProjectId> funded = new ArrayList<>();
        for (Project project : order) {
          if (project.cost().compareTo(left) <= 0) {
            funded.add(project.id());
            left = left.minus(project.cost());
          }
        }
        return funded;
      };
}
