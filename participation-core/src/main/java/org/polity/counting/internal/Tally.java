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
    for (int p = 0; p < profile.m; p++) {
      List<Reason> list = reasons.get(p);
      if (list.isEmpty()) {
        list = List.of(Reason.of(funded[p] ? "funded" : "notFunded"));
      }
      explanations.put(profile.ids[p], new Explanation(profile.ids[p], funded[p], list));
    }
    return new CountingResult(rule, winners, spent.toBigDecimalExact(), explanations, notes);
  }
}
