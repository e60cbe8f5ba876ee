package org.polity.counting.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polity.common.ProjectId;
import org.polity.counting.CountingOptions;
import org.polity.counting.CountingResult;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;
import org.polity.counting.Explanation;
import org.polity.counting.Rational;
import org.polity.counting.Reason;
import org.polity.counting.Tie;
import org.polity.counting.TieBreaking;

/** The working state of one count: eligibility, selection so far, and reasons per project. */
final class Tally {
  final Election election;
  final CountingOptions options;
  final Profile profile;
  final String currency;
  final boolean[] eligible;
  final boolean[] funded;
  final List<Integer> selected = new ArrayList<>();
  final List<List<Reason>> reasons = new ArrayList<>();
  final List<Reason> notes = new ArrayList<>();

  /** The ties the tie-breaking order decided, in the order they happened. */
  final List<Tie> ties = new ArrayList<>();

  Rational spent = Rational.ZERO;
  Caps caps;

  Tally(Election election, CountingOptions options) {
    this.election = election;
    this.options = options;
    this.profile = new Profile(election, options);
    this.currency = election.currency();
    int m = profile.m;
    eligible = new boolean[m];
    funded = new boolean[m];
    caps = new Caps(options.limits());
    BigDecimal share = options.limits().minimumVoteShare();
    for (int p = 0; p < m; p++) {
      reasons.add(new ArrayList<>());
      eligible[p] = true;
      if (share.signum() > 0) {
        Rational actual =
            profile.voters == 0 ? Rational.ZERO : Rational.of(profile.approvals[p], profile.voters);
        if (actual.compareTo(Rational.of(share)) < 0) {
          eligible[p] = false;
          reasons
              .get(p)
              .add(
                  Reason.of(
                      "threshold",
                      profile.approvals[p],
                      actual.times(100).toDecimal(2),
                      profile.voters,
                      share.multiply(BigDecimal.valueOf(100))));
        }
      }
    }
  }

  ElectionProject project(int p) {
    return election.projects().get(p);
  }

  Rational remaining() {
    return profile.budget.minus(spent);
  }

  void fund(int p) {
    funded[p] = true;
    selected.add(p);
    spent = spent.plus(profile.cost[p]);
    caps.add(project(p));
  }

  void reason(int p, Reason reason) {
    reasons.get(p).add(reason);
  }

  /**
   * Names a tie the tie-breaking order decided.
   *
   * @param step the rank (greedy) or round (MES, Phragmén)
   * @param quantity what the projects were equal on
   * @param value the equal value
   * @param tied the tied projects' indices, in the tie-breaking order (the first won)
   */
  void tie(int step, Tie.Quantity quantity, Rational value, List<Integer> tied) {
    List<ProjectId> projects = new ArrayList<>();
    for (int p : tied) {
      projects.add(profile.ids[p]);
    }
    ties.add(new Tie(step, quantity, value, projects, options.tieBreaking()));
  }

  /** The tie's quantity as greedy's ranking sees it with a satisfaction measure. */
  static Tie.Quantity greedyQuantity(org.polity.counting.Satisfaction satisfaction) {
    return switch (satisfaction) {
      case COST -> Tie.Quantity.VOTES;
      case CARDINALITY -> Tie.Quantity.VOTES_PER_COST;
      case POINTS -> Tie.Quantity.POINTS_PER_COST;
      case BORDA -> Tie.Quantity.BORDA_POINTS_PER_COST;
    };
  }

  static BigDecimal money(Rational value) {
    BigDecimal money = value.toDecimal(2).stripTrailingZeros();
    return money.scale() < 0 ? money.setScale(0) : money;
  }

  CountingResult result(String rule) {
    List<ProjectId> winners = new ArrayList<>();
    for (int p : selected) {
      winners.add(profile.ids[p]);
    }
    Map<ProjectId, Explanation> explanations = new LinkedHashMap<>();
    List<Reason> allNotes = new ArrayList<>(notes);
    boolean lotteryNoted = false;
    for (Tie tie : ties) {
      allNotes.add(tie.note(currency));
      if (tie.rule() instanceof TieBreaking.Lottery lottery && !lotteryNoted) {
        allNotes.add(Reason.of("tie.lottery", lottery.seed()));
        lotteryNoted = true;
      }
    }
    for (int p = 0; p < profile.m; p++) {
      List<Reason> list = new ArrayList<>(reasons.get(p));
      if (list.isEmpty()) {
        list.add(Reason.of(funded[p] ? "funded" : "notFunded"));
      }
      for (Tie tie : ties) {
        if (tie.concerns(profile.ids[p])) {
          list.add(tie.reason(profile.ids[p], currency));
          if (tie.rule() instanceof TieBreaking.Lottery lottery) {
            list.add(Reason.of("tie.lottery", lottery.seed()));
          }
        }
      }
      explanations.put(profile.ids[p], new Explanation(profile.ids[p], funded[p], list));
    }
    return new CountingResult(
        rule, winners, spent.toBigDecimalExact(), explanations, allNotes, ties);
  }
}
