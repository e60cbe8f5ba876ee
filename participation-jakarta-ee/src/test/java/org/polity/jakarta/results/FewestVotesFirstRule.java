package org.polity.jakarta.results;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;
import org.polity.counting.CountingOptions;
import org.polity.counting.CountingResult;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;
import org.polity.counting.Explanation;
import org.polity.counting.Reason;
import org.polity.counting.RuleName;
import org.polity.counting.spi.CountingRule;

/**
 * A counting rule a host portal declares only as a CDI bean (no {@code META-INF/services} entry):
 * the approved projects with the fewest votes are funded first, while money remains. No real city
 * would count so; the test sees that the rule, not greedy, counted.
 */
@ApplicationScoped
@RuleName("test-fewest-votes-first")
public class FewestVotesFirstRule implements CountingRule {

  /** Creates the rule; CDI calls it. */
  public FewestVotesFirstRule() {}

  @Override
  public CountingResult count(Election election, CountingOptions options) {
    Map<ProjectId, Integer> votes = new HashMap<>();
    for (Ballot ballot : election.ballots()) {
      for (ProjectId project : ballot.projects()) {
        votes.merge(project, 1, Integer::sum);
      }
    }
    List<ElectionProject> order = new ArrayList<>(election.projects());
    order.removeIf(p -> !votes.containsKey(p.id()));
    order.sort(Comparator.comparing(p -> votes.get(p.id())));
    List<ProjectId> winners = new ArrayList<>();
    BigDecimal left = election.budget();
    for (ElectionProject project : order) {
      if (project.cost().compareTo(left) <= 0) {
        winners.add(project.id());
        left = left.subtract(project.cost());
      }
    }
    Map<ProjectId, Explanation> explanations = new LinkedHashMap<>();
    for (ElectionProject project : election.projects()) {
      boolean funded = winners.contains(project.id());
      explanations.put(
          project.id(),
          new Explanation(
              project.id(), funded, List.of(Reason.of(funded ? "funded" : "notFunded"))));
    }
    return new CountingResult(
        "test-fewest-votes-first",
        winners,
        election.budget().subtract(left),
        explanations,
        List.of());
  }
}
