package org.polity.voting;

import java.util.Objects;

/**
 * What {@link CastPolicy} decides about a ballot handed to a {@link BallotBox}; the box carries the
 * decision out in its own store and answers with a {@link CastOutcome}.
 *
 * <ul>
 *   <li>{@link Refuse}: store nothing, answer the refusal;
 *   <li>{@link Store}: count the ballot, the participant's first or a replacement of their counted
 *       one;
 *   <li>{@link AwaitSecondEncoder}: keep the paper ballot as a pending encoding, not counted;
 *   <li>{@link Withdraw}: a pending encoding being confirmed can never count any more: remove it
 *       and answer the refusal.
 * </ul>
 */
public sealed interface CastDecision
    permits CastDecision.Refuse,
        CastDecision.Store,
        CastDecision.AwaitSecondEncoder,
        CastDecision.Withdraw {

  /** Count a first ballot. */
  Store FIRST = new Store(false);

  /** Count a ballot that replaces the participant's counted one. */
  Store REPLACEMENT = new Store(true);

  /** Keep the paper ballot until a second encoder confirms it. */
  AwaitSecondEncoder AWAIT_SECOND_ENCODER = new AwaitSecondEncoder();

  /**
   * Refused: nothing is stored.
   *
   * @param refusal the outcome to answer: {@link CastOutcome.NotOpen}, {@link CastOutcome.Closed},
   *     {@link CastOutcome.AlreadyVoted}, {@link CastOutcome.EncodingInProgress}, {@link
   *     CastOutcome.SameEncoder} or {@link CastOutcome.EncodingMismatch}
   */
  record Refuse(CastOutcome refusal) implements CastDecision {
    /** Refuses an outcome that is not a refusal. */
    public Refuse {
      requireRefusal(refusal);
    }
  }

  /**
   * Count the ballot.
   *
   * @param replacing whether it replaces the participant's counted ballot (the previous one leaves
   *     the count in the same step)
   */
  record Store(boolean replacing) implements CastDecision {}

  /** Keep the paper ballot as a pending encoding; it counts once a second encoder confirms it. */
  record AwaitSecondEncoder() implements CastDecision {}

  /**
   * Refused, and the pending encoding being confirmed is removed: it can never count (the vote has
   * closed since, and the participant's counted ballot may no longer be replaced).
   *
   * @param refusal the outcome to answer, {@link CastOutcome.AlreadyVoted}
   */
  record Withdraw(CastOutcome refusal) implements CastDecision {
    /** Refuses an outcome that is not a refusal. */
    public Withdraw {
      requireRefusal(refusal);
    }
  }

  private static void requireRefusal(CastOutcome refusal) {
    Objects.requireNonNull(refusal, "refusal");
    if (refusal.counted()
        || refusal instanceof CastOutcome.AwaitingSecondEncoder
        || refusal instanceof CastOutcome.Discarded
        || refusal instanceof CastOutcome.UnknownEncoding) {
      throw new IllegalArgumentException(
          "The outcome " + refusal + " is not a refusal of a cast: give a refusing outcome.");
    }
  }
}
