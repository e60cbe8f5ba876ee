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

  /** The longest stretch of grid points proven at once before the increase is deemed endless. */
  private static final long MAX_SPAN = 1L << 50;

  private static final ThreadLocal<Integer> LAST_RUNS = ThreadLocal.withInitial(() -> 0);

  /** Creates the rule (used by {@link java.util.ServiceLoader}). */
  public MesRule() {}

  @Override
  public CountingResult count(Election election, CountingOptions options) {
    return count(election, options, false);
  }

  /**
   * Counts; {@code naive} runs the budget increase one step at a time, a full count per step (the
   * definition, kept as the tests' oracle) instead of skipping the steps proven not to change the
   * outcome.
   */
  CountingResult count(Election election, CountingOptions options, boolean naive) {
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
      budgetIncrease(tally, candidates, share, increase, naive);
      name += increase.thenGreedy() ? " add1-greedy" : " add1";
      if (increase.thenGreedy()) {
        GreedyEngine.run(tally, Satisfaction.COST, true);
      }
    }
    return tally.result(name);
  }

  /**
   * Raises the money per voter along the grid start + k × step, k = 0, 1, …, and stops at the first
   * k whose outcome costs more than the envelope (keeping k - 1) or leaves no room for another
   * project (keeping k). Unless {@code naive}, each grid point is counted by {@link FastMes} (the
   * exact run when it gives up), which also proves how far the money can rise with the same
   * decisions ({@link MesEngine.Reach}), and {@link MesInterval} then tries to prove a whole
   * stretch of following grid points with the same run; the grid points so proven are skipped,
   * since their outcome, and so the decision to go on, is the same. The kept outcome is then
   * counted again at its own grid point, so its explanations are exactly those of the step-by-step
   * count.
   */
  private static void budgetIncrease(
      Tally tally,
      boolean[] candidates,
      Rational share,
      Completion.BudgetIncrease increase,
      boolean naive) {
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
    double stepD = step.doubleValue();
    int candidateCount = 0;
    for (boolean c : candidates) {
      candidateCount += c ? 1 : 0;
    }
    long steps = 0;
    long chosenSteps;
    int runs = 0;
    // After a proof that skips nothing, the next runs go without proof (cheaper), more of them
    // each time it happens again.
    int plainLeft = 0;
    int backoff = 1;
    long span = 1;
    int certifyLeft = 0;
    int certifyBackoff = 1;
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw new java.util.concurrent.CancellationException(
            "The count was interrupted after " + steps + " budget increases.");
      }
      MesEngine.Reach reach = naive || plainLeft > 0 ? null : new MesEngine.Reach();
      Rational perVoter = start.plus(step.times(steps));
      // The loop needs only the projects funded and the reach: a certified floating-point run gives
      // them, or gives up on a decision too close to call, and then the exact run does.
      MesEngine.Run run = naive ? null : FastMes.run(tally, candidates, perVoter, reach);
      if (run == null) {
        reach = reach == null ? null : new MesEngine.Reach();
        run = MesEngine.run(tally, candidates, perVoter, reach);
      }
      runs++;
      if (tally.spent.plus(run.cost).compareTo(profile.budget) > 0) {
        chosenSteps = steps - 1;
        break;
      }
      if (exhaustive(tally, candidates, run, increase.scope())
          || run.order.size() == candidateCount) {
        chosenSteps = steps;
        break;
      }
      long next = steps + 1;
      if (reach == null) {
        plainLeft = Math.max(0, plainLeft - 1);
      } else {
        if (reach.rise == Double.POSITIVE_INFINITY) {
          throw new IllegalStateException(
              "The budget increase never ends: no more money per voter changes the outcome of the"
                  + " Method of Equal Shares after "
                  + steps
                  + " steps; use another completion.");
        }
        double ahead = Math.ceil(reach.rise * (1 - 1e-12) / stepD);
        if (ahead > 1) {
          next = steps + (long) Math.min(ahead, 1e15);
          backoff = 1;
        } else {
          plainLeft = backoff;
          backoff = Math.min(2 * backoff, 64);
        }
      }
      if (!naive && certifyLeft > 0) {
        certifyLeft--;
      } else if (!naive) {
        // Prove a whole stretch of grid points with the same run (MesInterval), galloping: twice
        // as far after a proof, half as far after a failure, down to one step. Where even one
        // step cannot be proven (the run changes at almost every step), the next 1, 2, 4, … 64
        // steps go without trying.
        long proven = 0;
        for (long tried = span; tried >= 1; tried /= 2) {
          if (tried > MAX_SPAN) {
            throw new IllegalStateException(
                "The budget increase never ends: no more money per voter changes the outcome of"
                    + " the Method of Equal Shares after "
                    + steps
                    + " steps; use another completion.");
          }
          MesEngine.Run same =
              MesInterval.certify(
                  tally,
                  candidates,
                  perVoter.doubleValue(),
                  start.plus(step.times(steps + tried)).doubleValue());
          runs++;
          if (same != null && same.order.equals(run.order)) {
            proven = tried;
            break;
          }
        }
        span = proven == 0 ? 1 : 2 * proven;
        if (proven == 0) {
          certifyLeft = certifyBackoff;
          certifyBackoff = Math.min(2 * certifyBackoff, 64);
        } else {
          certifyBackoff = 1;
        }
        next = Math.max(next, steps + proven + 1);
      }
      steps = next;
    }
    LAST_RUNS.set(runs);
    MesEngine.Run chosen =
        chosenSteps < 0
            ? new MesEngine.Run(profile.m)
            : MesEngine.run(tally, candidates, start.plus(step.times(chosenSteps)));
    apply(tally, candidates, chosen);
    if (steps == 0) {
      tally.notes.add(Reason.of("note.add1Unchanged", Tally.money(start), tally.currency));
      return;
    }
    tally.notes.add(
        Reason.of(
            "note.add1",
            Tally.money(start),
            Tally.money(start.plus(step.times(Math.max(chosenSteps, 0)))),
            tally.currency,
            Math.toIntExact(steps)));
  }

  /**
   * The number of MES runs of the last budget increase on this thread (for tests and benchmarks).
   */
  static int lastRuns() {
    return LAST_RUNS.get();
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
