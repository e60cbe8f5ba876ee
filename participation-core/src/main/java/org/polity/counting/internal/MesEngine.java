package org.polity.counting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polity.counting.Rational;
import org.polity.counting.Reason;

/**
 * One run of the Method of Equal Shares with a given amount of money per voter, computed as
 * pabutools' {@code method_of_equal_shares} does, on classes of voters with equal budgets.
 *
 * <p>Each round, for each remaining project: if its supporters hold less money together than its
 * cost, drop it for good; otherwise find the least ρ such that Σ min(budget_i, ρ·u_i) = cost. Fund
 * the project with the least ρ (ties by the tie-breaking order) and charge each supporter
 * min(budget_i, ρ·u_i). Projects are examined in the order of their previous ρ, which can only
 * grow, and the scan stops as soon as a previous ρ exceeds the best found (as pabutools does).
 */
final class MesEngine {

  /** The outcome of one run, with what is needed to explain it. */
  static final class Run {
    final List<Integer> order = new ArrayList<>();
    final Rational[] rho;
    final int[] round;
    final Rational[] minPay;
    final Rational[] maxPay;
    final Rational[] dropAvailable;
    final int[] dropRound;
    final Reason[] capReason;
    Rational cost = Rational.ZERO;

    Run(int m) {
      rho = new Rational[m];
      round = new int[m];
      minPay = new Rational[m];
      maxPay = new Rational[m];
      dropAvailable = new Rational[m];
      dropRound = new int[m];
      capReason = new Reason[m];
    }
  }

  private MesEngine() {}

  /**
   * Whether MES may fund a project at all: eligible, not funded before, supported, and costing
   * more than zero.
   */
  static boolean[] candidates(Tally tally) {
    Profile profile = tally.profile;
    boolean[] candidate = new boolean[profile.m];
    for (int p = 0; p < profile.m; p++) {
      candidate[p] =
          tally.eligible[p]
              && !tally.funded[p]
              && profile.totalWeight[p].signum() > 0
              && profile.cost[p].signum() > 0;
    }
    return candidate;
  }

  /**
   * Runs MES.
   *
   * @param tally the count (its caps are copied, not changed)
   * @param candidate the projects MES may fund
   * @param perVoter the money each voter starts with
   * @return the run
   */
  static Run run(Tally tally, boolean[] candidate, Rational perVoter) {
    Profile profile = tally.profile;
    int m = profile.m;
    Run run = new Run(m);
    Caps caps = tally.caps.copy();
    boolean[] active = candidate.clone();
    Partition partition = new Partition(profile, perVoter, active.clone());
    Rational[] affordability = new Rational[m];
    Rational[] totalSat = new Rational[m];
    List<Integer> remaining = new ArrayList<>();
    for (int p = 0; p < m; p++) {
      if (active[p]) {
        totalSat[p] = profile.totalSatisfaction(p);
        affordability[p] = profile.cost[p].dividedBy(totalSat[p]);
        remaining.add(p);
      }
    }
    int roundNumber = 0;
    while (true) {
      roundNumber++;
      remaining.removeIf(p -> !active[p]);
      remaining.sort((a, b) -> affordability[a].compareTo(affordability[b]));
      Rational best = null;
      List<Integer> tied = new ArrayList<>();
      for (int p : remaining) {
        Rational available = partition.supportersTotal(p);
        if (available.compareTo(profile.cost[p]) < 0) {
          active[p] = false;
          partition.stopTracking(p);
          run.dropAvailable[p] = available;
          run.dropRound[p] = roundNumber;
          continue;
        }
        if (best != null && affordability[p].compareTo(best) > 0) {
          break;
        }
        Rational rho = rho(partition, p, totalSat[p]);
        affordability[p] = rho;
        int c = best == null ? -1 : rho.compareTo(best);
        if (c < 0) {
          best = rho;
          tied.clear();
          tied.add(p);
        } else if (c == 0) {
          tied.add(p);
        }
      }
      if (tied.isEmpty()) {
        return run;
      }
      int chosen = tied.get(0);
      for (int p : tied) {
        if (profile.tieRank[p] < profile.tieRank[chosen]) {
          chosen = p;
        }
      }
      Optional<Reason> cap = caps.violation(tally.project(chosen), tally.currency);
      active[chosen] = false;
      if (cap.isPresent()) {
        partition.stopTracking(chosen);
        run.capReason[chosen] = cap.get();
        continue;
      }
      caps.add(tally.project(chosen));
      final Rational rho = best;
      final Rational unit = profile.unit[chosen];
      Rational[] pays = {null, null};
      for (long[] e : partition.entries(chosen)) {
        Rational pay = partition.value[(int) e[0]].min(rho.times(e[1]).times(unit));
        pays[0] = pays[0] == null ? pay : pays[0].min(pay);
        pays[1] = pays[1] == null || pay.compareTo(pays[1]) > 0 ? pay : pays[1];
      }
      partition.update(chosen, (budget, weight) -> budget.minus(budget.min(rho.times(weight).times(unit))));
      run.order.add(chosen);
      run.rho[chosen] = rho;
      run.round[chosen] = roundNumber;
      run.minPay[chosen] = pays[0];
      run.maxPay[chosen] = pays[1];
      run.cost = run.cost.plus(profile.cost[chosen]);
    }
  }

  /** The least ρ with Σ min(budget_i, ρ·u_i) = cost; the supporters are known to afford it. */
  private static Rational rho(Partition partition, int p, Rational totalSat) {
    Profile profile = partition.profile;
    List<long[]> entries = partition.entries(p);
    Rational[] value = partition.value;
    // Poorest first relative to their satisfaction: budget / weight ascending.
    entries.sort(
        (a, b) -> {
          Rational x = value[(int) a[0]].times(b[1]);
          Rational y = value[(int) b[0]].times(a[1]);
          return x.compareTo(y);
        });
    Rational unit = profile.unit[p];
    Rational cost = profile.cost[p];
    Rational contribution = Rational.ZERO;
    Rational denominator = totalSat;
    for (long[] e : entries) {
      Rational budget = value[(int) e[0]];
      Rational rho = cost.minus(contribution).dividedBy(denominator);
      if (rho.times(e[1]).times(unit).compareTo(budget) <= 0) {
        return rho;
      }
      contribution = contribution.plus(budget.times(e[2]));
      denominator = denominator.minus(unit.times(e[1] * e[2]));
    }
    throw new IllegalStateException("No price found for project " + profile.ids[p] + ": supporters cannot afford it.");
  }
}
