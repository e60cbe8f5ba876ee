package org.polity.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;

/**
 * Compares the fast Method of Equal Shares and sequential Phragmén (voters grouped into classes,
 * floating-point filters with exact fallback) with naive exact implementations that follow the
 * definitions voter by voter, on random small elections with many ties (fixed seeds).
 */
class NaiveEqualSharesTest {

  static IntStream seeds() {
    return IntStream.range(0, 300);
  }

  static Election random(int seed, boolean cumulative) {
    Random random = new Random(seed);
    int m = 2 + random.nextInt(7);
    int n = 1 + random.nextInt(25);
    List<ElectionProject> projects = new ArrayList<>();
    for (int p = 0; p < m; p++) {
      projects.add(ElectionProject.of("p" + p, 1 + random.nextInt(random.nextBoolean() ? 5 : 40)));
    }
    List<Ballot> ballots = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      Map<ProjectId, Integer> points = new LinkedHashMap<>();
      for (int p = 0; p < m; p++) {
        if (random.nextInt(3) == 0) {
          points.put(ProjectId.of("p" + p), 1 + random.nextInt(3));
        }
      }
      ballots.add(
          cumulative ? new Ballot.Cumulative(points) : new Ballot.Approval(points.keySet()));
    }
    return new Election(BigDecimal.valueOf(5 + random.nextInt(60)), "EUR", projects, ballots);
  }

  /** MES exactly as defined, one voter at a time. */
  static List<String> naiveMes(Election e, Satisfaction sat) {
    int n = e.ballots().size();
    int m = e.projects().size();
    Rational[] budget = new Rational[n];
    for (int i = 0; i < n; i++) {
      budget[i] = Rational.of(e.budget()).dividedBy(n);
    }
    Rational[][] u = new Rational[n][m];
    for (int i = 0; i < n; i++) {
      Ballot b = e.ballots().get(i);
      for (int p = 0; p < m; p++) {
        ElectionProject project = e.projects().get(p);
        Rational value = Rational.ZERO;
        if (b.projects().contains(project.id())) {
          value =
              switch (sat) {
                case COST -> Rational.of(project.cost());
                case CARDINALITY -> Rational.ONE;
                case POINTS -> Rational.of(((Ballot.Cumulative) b).points().get(project.id()));
                default -> throw new IllegalStateException();
              };
        }
        u[i][p] = value;
      }
    }
    boolean[] out = new boolean[m];
    List<String> winners = new ArrayList<>();
    while (true) {
      Rational best = null;
      int chosen = -1;
      for (int p = 0; p < m; p++) {
        if (out[p]) {
          continue;
        }
        Rational cost = Rational.of(e.projects().get(p).cost());
        Rational money = Rational.ZERO;
        Rational totalU = Rational.ZERO;
        for (int i = 0; i < n; i++) {
          if (u[i][p].signum() > 0) {
            money = money.plus(budget[i]);
            totalU = totalU.plus(u[i][p]);
          }
        }
        if (totalU.signum() == 0 || cost.signum() == 0 || money.compareTo(cost) < 0) {
          out[p] = true;
          continue;
        }
        // least rho with sum min(b_i, rho u_i) = cost: try each breakpoint
        Rational rho = null;
        List<Rational> breaks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          if (u[i][p].signum() > 0) {
            breaks.add(budget[i].dividedBy(u[i][p]));
          }
        }
        breaks.sort(null);
        Rational poor = Rational.ZERO;
        Rational richU = totalU;
        int k = 0;
        while (true) {
          Rational candidate = cost.minus(poor).dividedBy(richU);
          Rational next = k < breaks.size() ? breaks.get(k) : null;
          if (next == null || candidate.compareTo(next) <= 0) {
            rho = candidate;
            break;
          }
          // The poorest remaining supporters cannot pay candidate × u: they give all they have.
          for (int i = 0; i < n; i++) {
            if (u[i][p].signum() > 0 && budget[i].dividedBy(u[i][p]).equals(next)) {
              poor = poor.plus(budget[i]);
              richU = richU.minus(u[i][p]);
            }
          }
          while (k < breaks.size() && breaks.get(k).equals(next)) {
            k++;
          }
        }
        if (best == null
            || rho.compareTo(best) < 0
            || (rho.compareTo(best) == 0
                && TieBreaking.compareCodePoints(
                        e.projects().get(p).id().value(), e.projects().get(chosen).id().value())
                    < 0)) {
          best = rho;
          chosen = p;
        }
      }
      if (chosen < 0) {
        return winners;
      }
      out[chosen] = true;
      winners.add(e.projects().get(chosen).id().value());
      for (int i = 0; i < n; i++) {
        if (u[i][chosen].signum() > 0) {
          budget[i] = budget[i].minus(budget[i].min(best.times(u[i][chosen])));
        }
      }
    }
  }

  /** Sequential Phragmén exactly as defined, one voter at a time. */
  static List<String> naivePhragmen(Election e) {
    int n = e.ballots().size();
    Rational[] load = new Rational[n];
    java.util.Arrays.fill(load, Rational.ZERO);
    List<ElectionProject> remaining = new ArrayList<>();
    for (ElectionProject p : e.projects()) {
      if (p.cost().compareTo(e.budget()) <= 0) {
        remaining.add(p);
      }
    }
    Rational spent = Rational.ZERO;
    List<String> winners = new ArrayList<>();
    while (!remaining.isEmpty()) {
      Rational best = null;
      List<ElectionProject> tied = new ArrayList<>();
      for (ElectionProject p : remaining) {
        Rational sum = Rational.of(p.cost());
        int supporters = 0;
        for (int i = 0; i < n; i++) {
          if (e.ballots().get(i).projects().contains(p.id())) {
            sum = sum.plus(load[i]);
            supporters++;
          }
        }
        Rational value = supporters == 0 ? null : sum.dividedBy(supporters);
        int c = tied.isEmpty() ? -1 : compare(value, best);
        if (c < 0) {
          best = value;
          tied.clear();
          tied.add(p);
        } else if (c == 0) {
          tied.add(p);
        }
      }
      tied.sort((a, b) -> TieBreaking.compareCodePoints(a.id().value(), b.id().value()));
      Rational left = Rational.of(e.budget()).minus(spent);
      for (ElectionProject p : tied) {
        if (Rational.of(p.cost()).compareTo(left) > 0) {
          return winners;
        }
      }
      ElectionProject chosen = tied.get(0);
      remaining.remove(chosen);
      winners.add(chosen.id().value());
      spent = spent.plus(Rational.of(chosen.cost()));
      for (int i = 0; i < n; i++) {
        if (best != null && e.ballots().get(i).projects().contains(chosen.id())) {
          load[i] = best;
        }
      }
    }
    return winners;
  }

  private static int compare(Rational a, Rational b) {
    if (a == null) {
      return b == null ? 0 : 1;
    }
    return b == null ? -1 : a.compareTo(b);
  }

  /** Runs a check twice: each group of identical ballots in its own class, and shared classes. */
  static void inBothModes(Runnable check) {
    String key = "polity.counting.perGroupLimit";
    check.run();
    System.setProperty(key, "0");
    try {
      check.run();
    } finally {
      System.clearProperty(key);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fastEqualSharesMatchesTheDefinition(int seed) {
    inBothModes(() -> checkEqualShares(seed));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fastPhragmenMatchesTheDefinition(int seed) {
    inBothModes(() -> checkPhragmen(seed));
  }

  private static void checkEqualShares(int seed) {
    Election approval = random(seed, false);
    Election cumulative = random(seed, true);
    for (Satisfaction sat : List.of(Satisfaction.COST, Satisfaction.CARDINALITY)) {
      CountingResult result =
          CountingRules.named("mes")
              .count(approval, CountingOptions.defaults().withSatisfaction(sat));
      assertThat(result.winners().stream().map(ProjectId::value).toList())
          .as("seed " + seed + " " + sat)
          .isEqualTo(naiveMes(approval, sat));
    }
    CountingResult points =
        CountingRules.named("mes")
            .count(cumulative, CountingOptions.defaults().withSatisfaction(Satisfaction.POINTS));
    assertThat(points.winners().stream().map(ProjectId::value).toList())
        .as("seed " + seed + " points")
        .isEqualTo(naiveMes(cumulative, Satisfaction.POINTS));
  }

  private static void checkPhragmen(int seed) {
    Election approval = random(seed, false);
    CountingResult result =
        CountingRules.named("phragmen").count(approval, CountingOptions.defaults());
    assertThat(result.winners().stream().map(ProjectId::value).toList())
        .as("seed " + seed)
        .isEqualTo(naivePhragmen(approval));
  }
}
