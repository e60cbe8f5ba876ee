package org.polity.counting.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polity.counting.Rational;
import org.polity.counting.Reason;
import org.polity.counting.Satisfaction;
import org.polity.counting.Tie;

/**
 * Greedy by satisfaction per unit of cost (pabutools' {@code greedy_utilitarian_welfare} with an
 * additive satisfaction): rank projects by total satisfaction divided by cost (with cost
 * satisfaction: by votes), ties by the tie-breaking order, and go down the list funding every
 * project that still fits. Projects nobody supports come last; free supported projects first.
 */
final class GreedyEngine {

  private GreedyEngine() {}

  /**
   * Runs greedy over the projects not yet funded.
   *
   * @param tally the count (its budget already partly spent by a previous rule, for a completion)
   * @param satisfaction the measure that orders projects
   * @param completion whether this is a completion (changes the wording of explanations)
   */
  static void run(Tally tally, Satisfaction satisfaction, boolean completion) {
    Profile profile = tally.profile;
    int m = profile.m;
    List<Integer> candidates = new ArrayList<>();
    Rational[] density = new Rational[m];
    int[] kind = new int[m]; // 2 = infinite, 1 = positive, 0 = nothing
    BigInteger[] score = new BigInteger[m];
    for (int p = 0; p < m; p++) {
      if (tally.funded[p] || !tally.eligible[p]) {
        continue;
      }
      candidates.add(p);
      BigInteger weight =
          satisfaction == Satisfaction.COST || satisfaction == Satisfaction.CARDINALITY
              ? BigInteger.valueOf(profile.approvals[p])
              : profile.totalWeight[p];
      score[p] = weight;
      Rational unit = satisfaction == Satisfaction.COST ? profile.cost[p] : Rational.ONE;
      Rational total = unit.times(Rational.of(weight));
      if (total.signum() > 0) {
        if (profile.cost[p].signum() > 0) {
          kind[p] = 1;
          density[p] = total.dividedBy(profile.cost[p]);
        } else {
          kind[p] = 2;
        }
      }
    }
    java.util.Comparator<Integer> key =
        (a, b) -> {
          if (kind[a] != kind[b]) {
            return Integer.compare(kind[b], kind[a]);
          }
          if (kind[a] == 1) {
            return density[b].compareTo(density[a]);
          }
          return 0;
        };
    candidates.sort(
        key.thenComparing((a, b) -> Integer.compare(profile.tieRank[a], profile.tieRank[b])));
    int measure =
        switch (satisfaction) {
          case COST, CARDINALITY -> 0;
          case POINTS -> 1;
          case BORDA -> 2;
        };
    Integer previous = null;
    int rank = 0;
    // A group of projects equal on the key, and for each whether it fitted when the group began.
    int groupStart = 0;
    int groupEnd = 0;
    boolean[] fitted = new boolean[m];
    for (int p : candidates) {
      rank++;
      if (rank > groupEnd) {
        groupStart = rank - 1;
        groupEnd = rank;
        while (groupEnd < candidates.size() && key.compare(p, candidates.get(groupEnd)) == 0) {
          groupEnd++;
        }
        if (groupEnd > rank) {
          Rational left = tally.remaining();
          for (int p2 : candidates.subList(groupStart, groupEnd)) {
            fitted[p2] =
                profile.cost[p2].compareTo(left) <= 0
                    && tally.caps.violation(tally.project(p2), tally.currency).isEmpty();
          }
        }
      }
      Rational remaining = tally.remaining();
      Optional<Reason> cap = tally.caps.violation(tally.project(p), tally.currency);
      if (profile.cost[p].compareTo(remaining) <= 0 && cap.isEmpty()) {
        tally.fund(p);
        tally.reason(
            p,
            completion
                ? Reason.of(
                    "completion.funded",
                    score[p],
                    profile.costDecimal[p],
                    Tally.money(remaining),
                    tally.currency)
                : Reason.of(
                    "greedy.funded",
                    measure,
                    score[p],
                    rank,
                    profile.costDecimal[p],
                    Tally.money(remaining),
                    tally.currency));
        previous = p;
      } else if (cap.isPresent() && profile.cost[p].compareTo(remaining) <= 0) {
        tally.reason(p, cap.get());
      } else if (completion) {
        tally.reason(
            p,
            Reason.of(
                "completion.notFunded",
                profile.costDecimal[p],
                Tally.money(remaining),
                tally.currency));
      } else if (previous == null) {
        tally.reason(
            p,
            Reason.of(
                "greedy.notFundedFirst",
                measure,
                score[p],
                profile.costDecimal[p],
                Tally.money(remaining),
                tally.currency));
      } else {
        tally.reason(
            p,
            Reason.of(
                "greedy.notFunded",
                measure,
                score[p],
                profile.ids[previous].value(),
                Tally.money(remaining),
                profile.costDecimal[p],
                tally.currency));
      }
      if (rank == groupEnd && groupEnd - groupStart > 1) {
        List<Integer> group = candidates.subList(groupStart, groupEnd);
        // Decided: a project that fitted when the group began was left out by those put first.
        if (group.stream().anyMatch(q -> fitted[q] && !tally.funded[q])) {
          int first = group.get(0);
          tally.tie(
              groupStart + 1,
              completion ? Tie.Quantity.VOTES : Tally.greedyQuantity(satisfaction),
              kind[first] == 1 ? density[first] : Rational.ZERO,
              group);
        }
      }
    }
  }
}
