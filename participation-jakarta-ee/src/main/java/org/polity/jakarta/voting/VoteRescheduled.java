package org.polity.jakarta.voting;

import java.util.Objects;
import org.polity.common.BudgetId;
import org.polity.voting.VoteChange;

/**
 * A CDI event: staff moved the close of a vote (closed it early or extended it), fired by {@link
 * VotingService#reschedule} after the change was stored. A portal observes it to announce the new
 * date; the change is also in the vote's public history.
 *
 * @param budget the budget
 * @param change the change, with the close it replaced and the reason
 */
public record VoteRescheduled(BudgetId budget, VoteChange change) {
  /** Refuses nulls. */
  public VoteRescheduled {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(change, "change");
  }
}
