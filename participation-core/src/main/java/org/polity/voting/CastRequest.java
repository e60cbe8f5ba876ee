package org.polity.voting;

import java.util.Objects;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.identity.ParticipantKey;

/**
 * A ballot handed in for a participant. Eligibility is decided before (see {@code
 * org.polity.eligibility}); the ballot's validity for the edition's ballot form too. The ballot box
 * decides only whether this ballot counts under one person, one vote.
 *
 * @param budget the budget voted on
 * @param participant the voter's pseudonymous key
 * @param ballot the ballot
 * @param channel how the ballot reaches the box
 */
public record CastRequest(
    BudgetId budget, ParticipantKey participant, Ballot ballot, Channel channel) {

  /** Refuses missing parts. */
  public CastRequest {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(participant, "participant");
    Objects.requireNonNull(ballot, "ballot");
    Objects.requireNonNull(channel, "channel");
  }
}
