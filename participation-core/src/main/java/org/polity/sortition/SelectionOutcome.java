package org.polity.sortition;

/** The outcome of {@link Sortition#select}: a result, or the reasons the quotas cannot be met. */
public sealed interface SelectionOutcome {

  /**
   * A distribution and its lottery were computed.
   *
   * @param result the result
   */
  record Selected(SelectionResult result) implements SelectionOutcome {}

  /**
   * No panel meets the quotas and the household rule.
   *
   * @param infeasibility which quotas and the suggested relaxation
   */
  record Infeasible(Infeasibility infeasibility) implements SelectionOutcome {}
}
