package org.polity.jakarta.voting;

import java.util.Objects;
import org.polity.common.BudgetId;
import org.polity.voting.ReceiptHash;

/**
 * CDI event fired after a ballot entered the count and its transaction committed (accepted,
 * replaced, or confirmed paper ballots). It names the budget and the receipt hash (what is
 * published anyway) but never the participant nor the receipt code, so that observers
 * (notifications, live tallies) cannot link ballots to people. Observe it with {@code void
 * onBallot(@Observes BallotCast event)}.
 *
 * @param budget the budget voted on
 * @param receipt the hash of the ballot's receipt code
 * @param replaced whether the ballot replaced an earlier one of the same participant
 */
public record BallotCast(BudgetId budget, ReceiptHash receipt, boolean replaced) {
  /** Refuses nulls. */
  public BallotCast {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(receipt, "receipt");
  }
}
