package org.polity.counting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;
import org.polity.counting.CountingOptions;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;
import org.polity.counting.Rational;
import org.polity.counting.Satisfaction;

/**
 * The certified floating-point run of the Method of Equal Shares either gives up or funds exactly
 * the projects of the exact run, in the same order; exact ties and decisions on the edge are given
 * up or decided exactly.
 */
class FastMesTest {

  private static ElectionProject project(String id, long cost) {
    return new ElectionProject(
        ProjectId.of(id), BigDecimal.valueOf(cost), id, Set.of(), Optional.empty());
  }

  private static Ballot approve(String... ids) {
    Set<ProjectId> set = new java.util.LinkedHashSet<>();
    for (String id : ids) {
      set.add(ProjectId.of(id));
    }
    return new Ballot.Approval(set);
  }

  private static MesEngine.Run fast(Tally tally, Rational perVoter) {
    return FastMes.run(tally, MesEngine.candidates(tally), perVoter, new MesEngine.Reach());
  }

  private static List<Integer> exactOrder(Tally tally, Rational perVoter) {
    return MesEngine.run(tally, MesEngine.candidates(tally), perVoter).order;
  }

  @Test
  void anExactTieOfRichSupportersIsDecidedByTheTieBreakingOrder() {
    // a and b: same cost, same number of supporters, everyone rich: the same ρ exactly.
    Election election =
        new Election(
            BigDecimal.valueOf(100),
            "EUR",
            List.of(project("a", 10), project("b", 10), project("c", 30)),
            List.of(approve("b"), approve("b", "c"), approve("a"), approve("a", "c")));
    Tally tally = new Tally(election, CountingOptions.defaults());
    Rational perVoter = Rational.of(25);
    MesEngine.Run run = fast(tally, perVoter);
    assertThat(run).isNotNull();
    assertThat(run.order).isEqualTo(exactOrder(tally, perVoter));
  }

  @Test
  void supportersWhoCanOnlyJustAffordAProjectAreLeftToTheExactRun() {
    // Two voters with 5 each and a project costing 10: affordable exactly, with nothing to spare.
    Election election =
        new Election(
            BigDecimal.valueOf(15),
            "EUR",
            List.of(project("a", 10), project("b", 4)),
            List.of(approve("a"), approve("a", "b"), approve("b")));
    Tally tally = new Tally(election, CountingOptions.defaults());
    assertThat(fast(tally, Rational.of(5))).isNull();
  }

  @Test
  void aTieOfPoorSupportersIsLeftToTheExactRun() {
    // a and b each bought by two voters who give all they have: the same ρ, not provably exact.
    Election election =
        new Election(
            BigDecimal.valueOf(12),
            "EUR",
            List.of(project("a", 5), project("b", 5)),
            List.of(approve("a"), approve("a"), approve("b"), approve("b")));
    Tally tally = new Tally(election, CountingOptions.defaults());
    MesEngine.Run run = fast(tally, Rational.of(3));
    if (run != null) {
      assertThat(run.order).isEqualTo(exactOrder(tally, Rational.of(3)));
    }
  }

  @Test
  void randomElectionsFundWhatTheExactRunFunds() {
    int certified = 0;
    int givenUp = 0;
    for (int seed = 0; seed < 600; seed++) {
      Election election = Add1OracleTest.random(seed);
      Random random = new Random(seed);
      for (Satisfaction satisfaction :
          new Satisfaction[] {Satisfaction.COST, Satisfaction.CARDINALITY}) {
        Tally tally =
            new Tally(election, CountingOptions.defaults().withSatisfaction(satisfaction));
        if (tally.profile.voters == 0) {
          continue;
        }
        for (int k = 0; k < 4; k++) {
          Rational perVoter = Rational.of(random.nextInt(400), 1 + random.nextInt(20));
          MesEngine.Run run = fast(tally, perVoter);
          if (run == null) {
            givenUp++;
            continue;
          }
          certified++;
          MesEngine.Run exact = MesEngine.run(tally, MesEngine.candidates(tally), perVoter);
          assertThat(run.order).as("seed " + seed + " at " + perVoter).isEqualTo(exact.order);
          assertThat(run.cost).isEqualTo(exact.cost);
        }
      }
    }
    assertThat(certified).isGreaterThan(1000);
    assertThat(givenUp).isGreaterThan(0);
  }
}
