package org.polity.voting;

import java.util.Map;
import java.util.Objects;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.identity.ParticipantKey;

/**
 * A ballot handed in for a participant. Eligibility is decided before (see {@code
 * org.polity.eligibility}). The ballot box decides, through {@link CastPolicy}, whether this ballot
 * counts: the vote window, the ballot form of the vote ({@link VoteSettings#form()}) against the
 * projects on the ballot, and one person, one vote.
 *
 * @param budget the budget voted on
 * @param participant the voter's pseudonymous key
 * @param ballot the ballot
 * @param channel how the ballot reaches the box
 * @param projects the projects on the ballot of this budget and their costs: a ballot naming any
 *     other project breaks the form; ignored when the vote has no form
 */
public record CastRequest(
    BudgetId budget,
    ParticipantKey participant,
    Ballot ballot,
    Channel channel,
    Map<ProjectId, Money> projects) {

  /**
   * A request without the projects on the ballot, for a vote without a ballot form.
   *
   * @param budget the budget voted on
   * @param participant the voter's pseudonymous key
   * @param ballot the ballot
   * @param channel how the ballot reaches the box
   */
  public CastRequest(BudgetId budget, ParticipantKey participant, Ballot ballot, Channel channel) {
    this(budget, participant, ballot, channel, Map.of());
  }

  /** Refuses missing parts; keeps the projects as given (the caller's map is not copied). */
  public CastRequest {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(participant, "participant");
    Objects.requireNonNull(ballot, "ballot");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(projects, "projects");
  }
}
