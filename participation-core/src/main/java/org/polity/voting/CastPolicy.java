package org.polity.voting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.polity.ballot.Ballot;
import org.polity.ballot.BallotProblem;
import org.polity.common.Money;
import org.polity.common.ProjectId;

/**
 * The one rule that decides whether a ballot handed to a {@link BallotBox} is accepted: every
 * implementation of the box (in memory, on a database, on its fast first-ballot path) reads the
 * participant's {@link ExistingParticipation} from its own store, asks this rule, and carries the
 * {@link CastDecision} out. A pure function of its inputs: no clock, no store, no randomness.
 *
 * <pre>{@code
 * CastDecision decision = CastPolicy.decide(settings, clock.instant(), request, existing);
 * switch (decision) { ... } // Refuse, Store, AwaitSecondEncoder
 * }</pre>
 *
 * <h2>A cast ({@link #decide})</h2>
 *
 * In this order:
 *
 * <ol>
 *   <li>before {@link VoteSettings#opensAt()}: refused, {@link CastOutcome.NotOpen};
 *   <li>a desk (paper) ballot from {@link VoteSettings#deskEncodingUntil()}, any other ballot from
 *       {@link VoteSettings#closesAt()}: refused, {@link CastOutcome.Closed} at that instant;
 *   <li>the ballot breaks the vote's form ({@link VoteSettings#form()}; only the overload taking a
 *       {@link CastRequest}): refused, {@link CastOutcome.Invalid} with every reason;
 *   <li>a paper encoding of the participant waits for a second encoder: refused, {@link
 *       CastOutcome.EncodingInProgress};
 *   <li>the participant has a counted ballot and may not replace it ({@link #mayReplace}: changes
 *       allowed and before the close): refused, {@link CastOutcome.AlreadyVoted};
 *   <li>a desk ballot when {@link VoteSettings#secondEncoderRequired()}: {@link
 *       CastDecision.AwaitSecondEncoder};
 *   <li>otherwise {@link CastDecision.Store}, replacing the counted ballot if there is one.
 * </ol>
 *
 * <h2>A second encoder's confirmation ({@link #decideConfirmation})</h2>
 *
 * The same encoder: {@link CastOutcome.SameEncoder}; a different reading: {@link
 * CastOutcome.EncodingMismatch} (both keep the encoding pending); from the end of desk encoding:
 * {@link CastOutcome.Closed}; a counted ballot that may no longer be replaced: {@link
 * CastDecision.Withdraw} with {@link CastOutcome.AlreadyVoted}; otherwise {@link
 * CastDecision.Store}.
 *
 * <p>The ballot form ({@link VoteSettings#form()}) is checked by {@link #decide(VoteSettings,
 * Instant, CastRequest, ExistingParticipation)} after the vote window and before the participation:
 * a ballot that breaks it is refused with {@link CastOutcome.Invalid} and every reason. A second
 * encoder's reading must equal the first, already checked, so it needs no check of its own.
 *
 * <h2>Closing early, extending ({@link #rescheduling})</h2>
 *
 * Staff may move the close of a vote that has not finished: earlier (not before now, nor before the
 * opening) or later; the end of desk encoding moves with it and stays at or after the close.
 */
public final class CastPolicy {

  private CastPolicy() {}

  /**
   * Decides whether a ballot is accepted.
   *
   * @param settings the vote's settings
   * @param now the current instant, from the box's clock
   * @param channel how the ballot arrives
   * @param existing what the participation register holds for the participant ({@link
   *     ExistingParticipation#NONE} when nothing)
   * @return the decision
   */
  public static CastDecision decide(
      VoteSettings settings, Instant now, Channel channel, ExistingParticipation existing) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(existing, "existing");
    return decide(settings, now, channel, null, Map.of(), existing);
  }

  /**
   * Decides whether a ballot is accepted, its ballot form included: the vote window, then the form
   * of {@link VoteSettings#form()} against {@link CastRequest#projects()}, then the participation.
   *
   * @param settings the vote's settings
   * @param now the current instant, from the box's clock
   * @param request the ballot, its channel and the projects on the ballot
   * @param existing what the participation register holds for the participant ({@link
   *     ExistingParticipation#NONE} when nothing)
   * @return the decision; {@link CastOutcome.Invalid} with every reason for a ballot that breaks
   *     the form
   */
  public static CastDecision decide(
      VoteSettings settings, Instant now, CastRequest request, ExistingParticipation existing) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(existing, "existing");
    return decide(settings, now, request.channel(), request.ballot(), request.projects(), existing);
  }

  /**
   * Every reason why a ballot breaks a vote's form; empty when it is valid or the vote has none.
   *
   * @param settings the vote's settings
   * @param ballot the ballot
   * @param projects the projects on the ballot and their costs
   * @return the problems
   */
  public static List<BallotProblem> formProblems(
      VoteSettings settings, Ballot ballot, Map<ProjectId, Money> projects) {
    return settings.form().isEmpty() ? List.of() : settings.form().get().problems(ballot, projects);
  }

  private static CastDecision decide(
      VoteSettings settings,
      Instant now,
      Channel channel,
      Ballot ballot,
      Map<ProjectId, Money> projects,
      ExistingParticipation existing) {
    if (now.isBefore(settings.opensAt())) {
      return new CastDecision.Refuse(new CastOutcome.NotOpen(settings.opensAt()));
    }
    boolean desk = channel instanceof Channel.Desk;
    Instant closing = settings.closingAt(channel);
    if (!now.isBefore(closing)) {
      return new CastDecision.Refuse(new CastOutcome.Closed(closing));
    }
    if (ballot != null) {
      List<BallotProblem> problems = formProblems(settings, ballot, projects);
      if (!problems.isEmpty()) {
        return new CastDecision.Refuse(new CastOutcome.Invalid(problems));
      }
    }
    if (existing.encodingPending()) {
      return new CastDecision.Refuse(new CastOutcome.EncodingInProgress());
    }
    if (existing.hasCounted() && !mayReplace(settings, now)) {
      return new CastDecision.Refuse(new CastOutcome.AlreadyVoted(existing.counted()));
    }
    if (desk && settings.secondEncoderRequired()) {
      return CastDecision.AWAIT_SECOND_ENCODER;
    }
    return existing.hasCounted() ? CastDecision.REPLACEMENT : CastDecision.FIRST;
  }

  /**
   * Decides whether a second encoder's confirmation of a pending paper ballot counts it.
   *
   * @param settings the vote's settings
   * @param now the current instant, from the box's clock
   * @param pending the pending encoding
   * @param firstEncoder who encoded it first
   * @param secondEncoder who confirms it
   * @param sameReading whether the second encoding equals the first
   * @param existing what the participation register holds for the participant, besides this pending
   *     encoding
   * @return {@link CastDecision.Refuse} (the encoding stays pending), {@link CastDecision.Withdraw}
   *     or {@link CastDecision.Store}
   */
  public static CastDecision decideConfirmation(
      VoteSettings settings,
      Instant now,
      PendingEncodingId pending,
      StaffId firstEncoder,
      StaffId secondEncoder,
      boolean sameReading,
      ExistingParticipation existing) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(firstEncoder, "firstEncoder");
    Objects.requireNonNull(secondEncoder, "secondEncoder");
    Objects.requireNonNull(existing, "existing");
    if (firstEncoder.equals(secondEncoder)) {
      return new CastDecision.Refuse(new CastOutcome.SameEncoder(firstEncoder));
    }
    if (!sameReading) {
      return new CastDecision.Refuse(new CastOutcome.EncodingMismatch(pending));
    }
    if (!now.isBefore(settings.deskEncodingUntil())) {
      return new CastDecision.Refuse(new CastOutcome.Closed(settings.deskEncodingUntil()));
    }
    if (existing.hasCounted() && !mayReplace(settings, now)) {
      return new CastDecision.Withdraw(new CastOutcome.AlreadyVoted(existing.counted()));
    }
    return existing.hasCounted() ? CastDecision.REPLACEMENT : CastDecision.FIRST;
  }

  /**
   * Whether a vote's close may move to a new instant (closing early, or extending after an outage):
   * the vote has not finished (desk encoding not over), the new close is not in the past nor before
   * the opening, and the new end of desk encoding is at or after the new close. A vote closed for
   * online ballots may be reopened while desk encoding runs (an outage at the close).
   *
   * @param settings the vote's settings
   * @param now the current instant
   * @param newClosesAt the new close
   * @param newDeskEncodingUntil the new end of desk encoding
   * @return empty when allowed; otherwise why not
   */
  public static Optional<Rescheduling> rescheduling(
      VoteSettings settings, Instant now, Instant newClosesAt, Instant newDeskEncodingUntil) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(newClosesAt, "newClosesAt");
    Objects.requireNonNull(newDeskEncodingUntil, "newDeskEncodingUntil");
    if (settings.finishedAt(now)) {
      return Optional.of(Rescheduling.FINISHED);
    }
    if (newClosesAt.isBefore(now) || !newClosesAt.isAfter(settings.opensAt())) {
      return Optional.of(Rescheduling.CLOSE_IN_THE_PAST);
    }
    if (newDeskEncodingUntil.isBefore(newClosesAt)) {
      return Optional.of(Rescheduling.DESK_BEFORE_CLOSE);
    }
    return Optional.empty();
  }

  /** Why a vote's close may not move ({@link #rescheduling}). */
  public enum Rescheduling {
    /** Desk encoding is over: nothing can change any more. */
    FINISHED,
    /** The new close is before now, or not after the opening. */
    CLOSE_IN_THE_PAST,
    /** The new end of desk encoding is before the new close. */
    DESK_BEFORE_CLOSE
  }

  /**
   * Whether a counted ballot may still be replaced: the vote allows changes and has not closed.
   * After the close, desk encodings only add ballots of participants who have not voted.
   *
   * @param settings the vote's settings
   * @param now the current instant
   * @return whether a replacement is allowed
   */
  public static boolean mayReplace(VoteSettings settings, Instant now) {
    return settings.changesAllowed() && now.isBefore(settings.closesAt());
  }
}
