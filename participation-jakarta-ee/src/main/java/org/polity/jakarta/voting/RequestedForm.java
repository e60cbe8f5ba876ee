package org.polity.jakarta.voting;

import java.util.Optional;
import org.polity.ballot.BallotForm;
import org.polity.common.Money;

/**
 * A ballot form as staff state it when declaring a vote ({@link VotingService#declare}), before the
 * budget's envelope fills in the basket. {@link BallotFormJson} reads it from the REST API.
 *
 * @param form the form, its basket not applied
 * @param basket the basket stated: empty when the member is absent (the envelope), {@code
 *     Optional.of(Optional.empty())} for an explicit null (no limit)
 */
public record RequestedForm(BallotForm form, Optional<Optional<Money>> basket) {

  /**
   * The form for a budget.
   *
   * @param envelope the budget's envelope, the basket by default; empty when the vote has no
   *     process
   * @return the form
   */
  public BallotForm resolve(Optional<Money> envelope) {
    return new BallotForm(
        form.kind(),
        form.minProjects(),
        form.maxProjects(),
        basket.isPresent() ? basket.get() : envelope,
        form.pointsToSpread(),
        form.spendAllPoints(),
        form.maxPointsPerProject(),
        form.minScore(),
        form.maxScore());
  }
}
