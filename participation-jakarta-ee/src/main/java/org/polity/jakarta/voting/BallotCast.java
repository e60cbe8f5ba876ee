package org.polity.jakarta.voting;

import java.util.Objects;
import org.polity.common.BudgetId;

/**
 * CDI event fired after a ballot was committed. It names the budget and the receipt but never the
 * participant, so that observers (notifications, live tallies) cannot link ballots to people.
 * Observe it with {@code void onBallot(@Observes BallotCast event)}.
 *
 * @param budget the budget voted on
 * @param receiptCode the ballot's receipt code
 * @param replaced whether the ballot replaced an earlier one of the same participant
 */
public record BallotCast(BudgetId budget, String receiptCode, boolean replaced) {
  /** Refuses nulls. */
  public BallotCast {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(receiptCode, "receiptCode");
  }
}
