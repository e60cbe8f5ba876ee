package org.polity.counting.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polity.counting.Rational;
import org.polity.counting.Reason;
import org.polity.counting.Tie;

/**
 * Sequential Phragmén as pabutools' {@code sequential_phragmen}: voters' loads start at 0; each
 * round, for each remaining project (only those costing at most the envelope), the new load is (sum
 * of its supporters' loads + cost) / number of supporters; take the least (ties by the tie-breaking
 * order). If that project, or any project tied with it, no longer fits in what is left, stop (no
 * skipping); otherwise fund it and set all its supporters' loads to the new load.
 */
final class PhragmenEngine {

  private PhragmenEngine() {}

  static void run(Tally tally) {
    List<TieAt> ties = new ArrayList<>();
    rounds(tally, ties);
    // Decided: a project put behind at a round was, in the end, not funded by the rule (had it been
    // put first, it would have been funded at that round).
    for (TieAt tie : ties) {
      if (tie.tied().stream().skip(1).anyMatch(p -> !tally.funded[p])) {
        tally.tie(
            tie.round(),
            tie.load() == null ? Tie.Quantity.VOTES : Tie.Quantity.LOAD,
            tie.load() == null ? Rational.ZERO : tie.load(),
            tie.tied());
      }
    }
  }

  /**
   * A tie of one round: the projects with the least new load, in the tie-breaking order.
   *
   * @param round the round
   * @param load their new load, or null when nobody supports them
   * @param tied the projects, the funded one first
   */
  private record TieAt(int round, Rational load, List<Integer> tied) {}

  /** The rounds, noting each tie at a round whose first project was funded. */
  private static void rounds(Tally tally, List<TieAt> ties) {
    Profile profile = tally.profile;
    int m = profile.m;
    boolean[] active = new boolean[m];
    List<Integer> remaining = new ArrayList<>();
    for (int p = 0; p < m; p++) {
      if (!tally.eligible[p] || tally.funded[p]) {
        continue;
      }
      if (profile.cost[p].compareTo(profile.budget) > 0) {
        tally.reason(
            p,
            Reason.of(
                "phragmen.tooExpensive",
                profile.costDecimal[p],
                Tally.money(profile.budget),
                tally.currency));
        continue;
      }
      active[p] = true;
      remaining.add(p);
    }
    Partition partition = new Partition(profile, Rational.ZERO, active.clone());
    Rational[] stale = new Rational[m];
    for (int p : remaining) {
      stale[p] =
          profile.supporters[p] == 0 ? null : profile.cost[p].dividedBy(profile.supporters[p]);
    }
    int round = 0;
    while (true) {
      round++;
      remaining.removeIf(p -> !active[p]);
      if (remaining.isEmpty()) {
        return;
      }
      remaining.sort((a, b) -> compareLoads(stale[a], stale[b]));
      Rational best = null;
      boolean bestSet = false;
      List<Integer> tied = new ArrayList<>();
      for (int p : remaining) {
        if (bestSet && compareLoads(stale[p], best) > 0) {
          break;
        }
        Rational load =
            profile.supporters[p] == 0
                ? null
                : Rational.of(
                    partition.supportersTotalNum(p).add(partition.costNum(p)),
                    partition.den.multiply(BigInteger.valueOf(profile.supporters[p])));
        stale[p] = load;
        int c = bestSet ? compareLoads(load, best) : -1;
        if (c < 0) {
          best = load;
          bestSet = true;
          tied.clear();
          tied.add(p);
        } else if (c == 0) {
          tied.add(p);
        }
      }
      tied.sort((a, b) -> Integer.compare(profile.tieRank[a], profile.tieRank[b]));
      Rational left = tally.remaining();
      Integer blocking = null;
      for (int p : tied) {
        if (profile.cost[p].compareTo(left) > 0) {
          blocking = p;
          break;
        }
      }
      if (blocking != null) {
        for (int p : remaining) {
          tally.reason(
              p,
              Reason.of(
                  "phragmen.stopped",
                  round,
                  profile.ids[blocking].value(),
                  profile.costDecimal[blocking],
                  Tally.money(left),
                  tally.currency));
        }
        return;
      }
      int chosen = tied.get(0);
      active[chosen] = false;
      Optional<Reason> cap = tally.caps.violation(tally.project(chosen), tally.currency);
      if (cap.isPresent()) {
        partition.stopTracking(chosen);
        tally.reason(chosen, cap.get());
        continue;
      }
      final Rational load = best;
      tally.fund(chosen);
      if (tied.size() > 1) {
        ties.add(new TieAt(round, load, List.copyOf(tied)));
      }
      tally.reason(
          chosen,
          load == null
              ? Reason.of(
                  "phragmen.fundedUnsupported", round, profile.costDecimal[chosen], tally.currency)
              : Reason.of(
                  "phragmen.funded",
                  round,
                  profile.supporters[chosen],
                  profile.costDecimal[chosen],
                  Tally.money(load),
                  tally.currency));
      if (load != null) {
        // load = a / b; make the common denominator a multiple of b.
        BigInteger b = load.denominator();
        BigInteger factor = b.divide(b.gcd(partition.den));
        partition.rescale(factor.longValueExact());
        final BigInteger loadNum = load.numerator().multiply(partition.den.divide(b));
        partition.update(chosen, (old, weight) -> loadNum);
      } else {
        partition.stopTracking(chosen);
      }
    }
  }

  /** Loads compare with {@code null} standing for infinity (a project nobody supports). */
  private static int compareLoads(Rational a, Rational b) {
    if (a == null) {
      return b == null ? 0 : 1;
    }
    return b == null ? -1 : a.compareTo(b);
  }
}
