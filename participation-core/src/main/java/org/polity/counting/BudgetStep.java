package org.polity.counting;

import java.math.BigDecimal;
import java.util.Objects;

/** By how much the Add1 completion raises the money given to voters at each step. */
public sealed interface BudgetStep permits BudgetStep.PerVoter, BudgetStep.PercentOfBudget {

  /**
   * Each voter receives {@code amount} more currency units per step (pabutools' {@code
   * voter_budget_increment}; the default is 1).
   *
   * @param amount the increment per voter, above zero
   */
  record PerVoter(BigDecimal amount) implements BudgetStep {
    /** Refuses a non-positive amount. */
    public PerVoter {
      Objects.requireNonNull(amount, "amount");
      if (amount.signum() <= 0) {
        throw new IllegalArgumentException(
            "The budget step "
                + amount.toPlainString()
                + " per voter is not above zero: give a positive amount.");
      }
    }
  }

  /**
   * The total budget rises by {@code percent} % of the envelope per step (pabutools' {@code
   * exhaustion_by_budget_increase} with {@code budget_step = B·percent/100}).
   *
   * @param percent the step in percent of the envelope, above zero
   */
  record PercentOfBudget(BigDecimal percent) implements BudgetStep {
    /** Refuses a non-positive percentage. */
    public PercentOfBudget {
      Objects.requireNonNull(percent, "percent");
      if (percent.signum() <= 0) {
        throw new IllegalArgumentException(
            "The budget step "
                + percent.toPlainString()
                + "% is not above zero: give a positive percentage.");
      }
    }
  }

  /**
   * Parses {@code "1"} (per voter) or {@code "1%"} (of the envelope).
   *
   * @param text the step
   * @return the step
   */
  static BudgetStep parse(String text) {
    String t = text.strip();
    try {
      if (t.endsWith("%")) {
        return new PercentOfBudget(new BigDecimal(t.substring(0, t.length() - 1).strip()));
      }
      return new PerVoter(new BigDecimal(t));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "The budget step '"
              + text
              + "' is not a number: write an amount per voter such as 1 or"
              + " a share of the budget such as 1%.",
          e);
    }
  }
}
