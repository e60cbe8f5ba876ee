package org.polity.counting.internal;

import java.math.BigDecimal;
import java.util.Locale;
import org.polity.counting.BudgetStep;
import org.polity.counting.Completion;
import org.polity.counting.CountingOptions;
import org.polity.counting.CountingResult;
import org.polity.counting.Election;
import org.polity.counting.Rational;
import org.polity.counting.Reason;
import org.polity.counting.RuleName;
import org.polity.counting.Satisfaction;
import org.polity.counting.Tie;
import org.polity.counting.spi.CountingRule;

/**
 * The Method of Equal Shares with its completions: none, greedy, and budget increase (Add1),
 * optionally followed by greedy.
 */
@RuleName("mes")
public final class MesRule implements CountingRule {

  /** Creates the rule (used by {@link java.util.ServiceLoader}). */
  public MesRule() {}

  @Override
  public CountingResult count(Election election, CountingOptions options) {
    Tally tally = new Tally(election, options);
    Profile profile = tally.profile;
    for (int p = 0; p < profile.m; p++) {
      if (tally.eligible[p]
          && profile.totalWeight[p].signum() > 0
          && profile.cost[p].signum() == 0) {
        tally.fund(p);
        tally.reason(p, Reason.of("mes.fundedFree"));
      }
    }
    boolean[] candidates = MesEngine.candidates(tally);
    String name = "mes " + options.satisfaction().name().toLowerCase(Locale.ROOT);
    if (profile.voters == 0) {
      explainNoVoters(tally);
      return tally.result(name);
    }
    Rational share = profile.budget.dividedBy(profile.voters);
    Completion completion = options.completion();
    if (completion instanceof Completion.None) {
      apply(tally, candidates, MesEngine.run(tally, candidates, share));
    } else if (completion instanceof Completion.Greedy) {
      apply(tally, candidates, MesEngine.run(tally, candidates, share));
      GreedyEngine.run(tally, Satisfaction.COST, true);
      name += " greedy";
    } else if (completion instanceof Completion.BudgetIncrease increase) {
      budgetIncrease(tally, candidates, share, increase);
      name += increase.thenGreedy() ? " add1-greedy" : " add1";
      if (increase.thenGreedy()) {
        GreedyEngine.run(tally, Satisfaction.COST, true);
      }
    }
    return tally.result(name);
  }

  private static void budgetIncrease(
      Tally tally, boolean[] candidates, Rational share, Completion.BudgetIncrease increase) {
    Profile profile = tally.profile;
    if (increase.skipWhenEverythingFits()) {
      Rational all = Rational.ZERO;
      for (Rational c : profile.cost) {
        all = all.plus(c);
      }
      if (all.compareTo(profile.budget) <= 0) {
        apply(tally, candidates, MesEngine.run(tally, candidates, share));
        tally.notes.add(Reason.of("note.add1Skipped"));
        return;
      }
    }
    Rational start =
        increase.start() == Completion.Start.WHOLE_UNITS ? Rational.of(share.floor()) : share;
    Rational step =
        increase.step() instanceof BudgetStep.PerVoter perVoter
            ? Rational.of(perVoter.amount())
            : profile
                .budget
                .times(Rational.of(((BudgetStep.PercentOfBudget) increase.step()).percent()))
                .dividedBy(100)
                .dividedBy(profile.voters);
    int candidateCount = 0;
    for (boolean c : candidates) {
      candidateCount += c ? 1 : 0;
    }
    Rational perVoter = start;
    MesEngine.Run previous = null;
    Rational previousPerVoter = start;
    int steps = 0;
    MesEngine.Run chosen;
    Rational chosenPerVoter;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new java.util.concurrent.CancellationException(
            "The count was interrupted after " + steps + " budget increases.");
      }
      MesEngine.Run run = MesEngine.run(tally, candidates, perVoter);
      if (tally.spent.plus(run.cost).compareTo(profile.budget) > 0) {
        chosen = previous;
        chosenPerVoter = previousPerVoter;
        break;
      }
      if (exhaustive(tally, candidates, run, increase.scope())
          || run.order.size() == candidateCount) {
        chosen = run;
        chosenPerVoter = perVoter;
        break;
      }
      previous = run;
      previousPerVoter = perVoter;
      perVoter = perVoter.plus(step);
      steps++;
    }
    if (chosen == null) {
      chosen = new MesEngine.Run(profile.m);
    }
    apply(tally, candidates, chosen);
    if (steps == 0) {
      tally.notes.add(Reason.of("note.add1Unchanged", Tally.money(start), tally.currency));
      return;
    }
    tally.notes.add(
        Reason.of(
            "note.add1", Tally.money(start), Tally.money(chosenPerVoter), tally.currency, steps));
  }

  private static boolean exhaustive(
      Tally tally, boolean[] candidates, MesEngine.Run run, Completion.Scope scope) {
    Profile profile = tally.profile;
    boolean[] inRun = new boolean[profile.m];
    for (int p : run.order) {
      inRun[p] = true;
    }
    Rational left = profile.budget.minus(tally.spent).minus(run.cost);
    for (int p = 0; p < profile.m; p++) {
      if (inRun[p] || tally.funded[p] || !tally.eligible[p]) {
        continue;
      }
      if (scope == Completion.Scope.SUPPORTED_PROJECTS && !candidates[p]) {
        continue;
      }
      if (profile.cost[p].compareTo(left) <= 0) {
        return false;
      }
    }
    return true;
  }

  private static void apply(Tally tally, boolean[] candidates, MesEngine.Run run) {
    Profile profile = tally.profile;
    String currency = tally.currency;
    for (MesEngine.TieAt tie : run.ties) {
      tally.tie(tie.round(), Tie.Quantity.PRICE, tie.rho(), tie.tied());
    }
    for (int p : run.order) {
      tally.fund(p);
      BigDecimal cost = profile.costDecimal[p];
      if (run.minPay[p].equals(run.maxPay[p])) {
        tally.reason(
            p,
            Reason.of(
                "mes.funded",
                run.round[p],
                profile.supporters[p],
                Tally.money(run.minPay[p]),
                cost,
                currency));
      } else {
        tally.reason(
            p,
            Reason.of(
                "mes.fundedUnequal",
                run.round[p],
                profile.supporters[p],
                Tally.money(run.minPay[p]),
                Tally.money(run.maxPay[p]),
                cost,
                currency));
      }
    }
    for (int p = 0; p < profile.m; p++) {
      if (tally.funded[p] || !tally.eligible[p]) {
        continue;
      }
      if (run.capReason[p] != null) {
        tally.reason(p, run.capReason[p]);
      } else if (candidates[p] && !Double.isNaN(run.dropAvailable[p])) {
        tally.reason(
            p,
            Reason.of(
                "mes.unaffordable",
                run.dropRound[p],
                profile.supporters[p],
                BigDecimal.valueOf(run.dropAvailable[p])
                    .setScale(2, java.math.RoundingMode.HALF_EVEN)
                    .stripTrailingZeros(),
                profile.costDecimal[p],
                currency));
      } else if (!candidates[p]) {
        tally.reason(p, Reason.of("mes.unsupported"));
      }
    }
  }

  private static void explainNoVoters(Tally tally) {
    for (int p = 0; p < tally.profile.m; p++) {
      if (!tally.funded[p] && tally.eligible[p]) {
        tally.reason(p, Reason.of("mes.unsupported"));
      }
    }
  }
}
