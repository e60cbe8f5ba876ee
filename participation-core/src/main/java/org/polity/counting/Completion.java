package org.polity.counting;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a rule does with money its first pass leaves unspent. The Method of Equal Shares often
 * spends only part of the envelope, so cities complete it: by raising every voter's share step by
 * step ("Add1"), by filling up greedily, or both.
 */
public sealed interface Completion
    permits Completion.None, Completion.Greedy, Completion.BudgetIncrease {

  /** No completion: the outcome of the rule itself. */
  record None() implements Completion {}

  /** Fill what remains greedily by votes (greedy with cost satisfaction). */
  record Greedy() implements Completion {}

  /**
   * Repeated budget increase (pabutools' {@code exhaustion_by_budget_increase}; "Add1" on
   * equalshares.net): run the rule with more money per voter, step by step, until the outcome would
   * cost more than the envelope (then keep the previous outcome) or no longer leaves room for
   * another project (then keep it).
   *
   * @param step the increase per step
   * @param start the money per voter in the first run
   * @param scope which unfunded projects count when asking "does another project still fit?"
   * @param skipWhenEverythingFits when all projects together fit the envelope, do not increase at
   *     all (the equalshares.net tool does this; pabutools does not)
   * @param thenGreedy afterwards, fill what remains greedily by votes
   */
  record BudgetIncrease(
      BudgetStep step, Start start, Scope scope, boolean skipWhenEverythingFits, boolean thenGreedy)
      implements Completion {
    /** Checks the parts are present. */
    public BudgetIncrease {
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(scope, "scope");
    }
  }

  /** The money per voter in the first run of a budget increase. */
  enum Start {
    /** Exactly the envelope divided by the number of voters (pabutools). */
    EXACT_SHARE,
    /** That share rounded down to a whole currency unit (equalshares.net tool default). */
    WHOLE_UNITS
  }

  /** The projects that are tested when deciding whether an outcome leaves room for more. */
  enum Scope {
    /** Only projects that somebody supports (pabutools' Add1 with a per-voter increment). */
    SUPPORTED_PROJECTS,
    /**
     * Every project (pabutools' budget increase by a share of the budget; the equalshares tool).
     */
    ALL_PROJECTS
  }

  /**
   * @return no completion
   */
  static Completion none() {
    return new None();
  }

  /**
   * @return greedy completion by votes
   */
  static Completion greedy() {
    return new Greedy();
  }

  /**
   * Add1 as pabutools' {@code method_of_equal_shares(voter_budget_increment=…)} for a per-voter
   * step, or {@code exhaustion_by_budget_increase(budget_step=…)} for a percentage step.
   *
   * @param step the step
   * @param thenGreedy whether to fill up greedily afterwards
   * @return the completion
   */
  static Completion add1(BudgetStep step, boolean thenGreedy) {
    Scope scope =
        step instanceof BudgetStep.PerVoter ? Scope.SUPPORTED_PROJECTS : Scope.ALL_PROJECTS;
    return new BudgetIncrease(step, Start.EXACT_SHARE, scope, false, thenGreedy);
  }

  /**
   * @return Add1 with one currency unit per voter per step, as pabutools
   */
  static Completion add1() {
    return add1(new BudgetStep.PerVoter(BigDecimal.ONE), false);
  }

  /**
   * Add1 as the equalshares.net compute tool does it: start from the whole-unit share, test all
   * projects, skip when everything fits.
   *
   * @param thenGreedy whether to fill up greedily afterwards (the tool's {@code add1u})
   * @return the completion
   */
  static Completion add1EqualSharesTool(boolean thenGreedy) {
    return new BudgetIncrease(
        new BudgetStep.PerVoter(BigDecimal.ONE),
        Start.WHOLE_UNITS,
        Scope.ALL_PROJECTS,
        true,
        thenGreedy);
  }
}
