package org.polity.voting;

import java.time.Instant;
import java.util.Objects;

/**
 * The one rule that decides whether a ballot handed to a {@link BallotBox} is accepted: every
 * implementation of the box (in memory, on a database, on its fast first-ballot path) reads the
 * participant's {@link ExistingParticipation} from its own store, asks this rule, and carries the
 * {@link CastDecision} out. A pure function of its inputs: no clock, no store, no randomness.
 *
 * <pre>{@code
 * CastDecision decision = CastPolicy.decide(settings, clock.instant(), Channel.online(), existing);
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
 * <p>The ballot form of a budget (which projects, how many, within which budget: issue 12) is meant
 * to become one more input of {@link #decide}, checked after the vote window and before the
 * participation, with its own refusal; callers that already pass the settings will pass the form
 * beside them.
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
    if (now.isBefore(settings.opensAt())) {
      return new CastDecision.Refuse(new CastOutcome.NotOpen(settings.opensAt()));
    }
    boolean desk = channel instanceof Channel.Desk;
    Instant closing = desk ? settings.deskEncodingUntil() : settings.closesAt();
    if (!now.isBefore(closing)) {
      return new CastDecision.Refuse(new CastOutcome.Closed(closing));
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
