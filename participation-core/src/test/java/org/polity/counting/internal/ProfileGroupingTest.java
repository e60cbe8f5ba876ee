package org.polity.counting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;
import org.polity.counting.CountingOptions;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;
import org.polity.counting.Satisfaction;

/**
 * The fast grouping of ballots by bit mask gives exactly the groups of the general grouping by
 * (project, weight) pairs: same groups, same order, same multiplicities, approvals and supporters,
 * on randomized elections (fixed seeds) with repeated ballots, empty ballots and ballots of every
 * kind.
 */
class ProfileGroupingTest {

  @ParameterizedTest(name = "seed {0}, {1} projects, {2}")
  @CsvSource({
    "1, 1, COST", "2, 5, COST", "3, 12, CARDINALITY", "4, 40, COST", "5, 62, CARDINALITY",
    "6, 63, COST", "7, 63, CARDINALITY", "8, 64, COST", "9, 30, POINTS", "10, 20, COST"
  })
  void masksGroupLikePairs(long seed, int projects, Satisfaction satisfaction) {
    Election election = election(new Random(seed), projects, satisfaction == Satisfaction.POINTS);
    CountingOptions options = CountingOptions.defaults().withSatisfaction(satisfaction);

    Profile fast = new Profile(election, options, true);
    Profile general = new Profile(election, options, false);

    assertThat(fast.groups).isEqualTo(general.groups);
    assertThat(fast.groups).isLessThan(election.ballots().size()); // some ballots were grouped
    assertThat(fast.multiplicity).isEqualTo(general.multiplicity);
    assertThat(fast.groupProjects).isDeepEqualTo(general.groupProjects);
    assertThat(fast.groupWeights).isDeepEqualTo(general.groupWeights);
    assertThat(fast.approvals).isEqualTo(general.approvals);
    assertThat(fast.supporters).isEqualTo(general.supporters);
    assertThat(fast.supporterGroups).isDeepEqualTo(general.supporterGroups);
    assertThat(fast.totalWeight).isEqualTo(general.totalWeight);
  }

  private static Election election(Random random, int projects, boolean pointsOnly) {
    List<ElectionProject> list = new ArrayList<>();
    List<ProjectId> ids = new ArrayList<>();
    for (int i = 0; i < projects; i++) {
      list.add(ElectionProject.of("p" + i, 1 + random.nextInt(1000)));
      ids.add(ProjectId.of("p" + i));
    }
    List<Ballot> ballots = new ArrayList<>();
    for (int b = 0; b < 3000; b++) {
      int size = random.nextInt(Math.min(projects, 8) + 1);
      Set<ProjectId> chosen = new LinkedHashSet<>();
      while (chosen.size() < size) {
        // skewed towards the first projects, so that identical ballots repeat
        chosen.add(
            ids.get((int) Math.min(projects - 1, Math.abs(random.nextGaussian()) * projects / 3)));
      }
      int kind = pointsOnly ? 1 + random.nextInt(2) : random.nextInt(4);
      Map<ProjectId, Integer> values = new LinkedHashMap<>();
      chosen.forEach(id -> values.put(id, random.nextInt(4)));
      ballots.add(
          switch (kind) {
            case 0 -> new Ballot.Approval(chosen);
            case 1 -> new Ballot.Cardinal(values);
            case 2 -> new Ballot.Cumulative(values);
            default -> new Ballot.Ordinal(new ArrayList<>(chosen));
          });
    }
    return new Election(BigDecimal.valueOf(5000), "EUR", list, ballots);
  }
}
