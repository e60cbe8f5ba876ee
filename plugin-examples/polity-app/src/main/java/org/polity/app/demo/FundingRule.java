package org.polity.app.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polity.ballot.Ballot;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.counting.Completion;
import org.polity.counting.CountingOptions;
import org.polity.counting.CountingRules;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;
import org.polity.counting.spi.CountingRule;
import org.polity.project.Project;

/**
 * The counting step of the demo: which projects on the ballot are funded, given the ballots and the
 * envelope. The demo counts with a rule of {@code org.polity.counting} ({@link #counted}): greedy,
 * as the sample municipality's rules say, or the Method of Equal Shares. {@link #MOST_VOTES_FIRST}
 * is the same greedy rule written out in a few lines, which the demo's test uses as an independent
 * check.
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
            Comparator.comparing((Project p) -> votes.get(p.id()))
                .reversed()
                .thenComparing(Project::id));
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

  /**
   * A rule of {@code org.polity.counting}, by name, with exact arithmetic and ties broken by
   * project id: {@code greedy} ("most votes first while money remains") or {@code mes} (the Method
   * of Equal Shares with cost satisfaction and Add1 completion, as Wieliczka and Aarau used it).
   *
   * @param name {@code greedy}, {@code mes} or another registered rule
   * @return the funding rule
   */
  static FundingRule counted(String name) {
    CountingRule rule = CountingRules.named(name);
    CountingOptions options =
        "mes".equals(name)
            ? CountingOptions.defaults().withCompletion(Completion.add1())
            : CountingOptions.defaults();
    return (onBallot, ballots, envelope) -> {
      List<ElectionProject> projects = new ArrayList<>();
      for (Project project : onBallot) {
        projects.add(
            new ElectionProject(
                project.id(),
                project.cost().amount(),
                project.title().original(),
                java.util.Set.of(),
                java.util.Optional.empty()));
      }
      Election election =
          new Election(envelope.amount(), envelope.currency().getCurrencyCode(), projects, ballots);
      return rule.count(election, options).winners();
    };
  }
}
