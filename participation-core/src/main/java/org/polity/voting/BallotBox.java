package org.polity.voting;

import java.util.List;
import java.util.Optional;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.identity.ParticipantKey;

/**
 * The ballot box of an edition: the contract that guarantees <em>one person, one vote</em> across
 * every channel and keeps ballots unlinkable to participants. Core has {@link InMemoryBallotBox};
 * the Jakarta EE adapter implements the same contract against a database, and both pass the same
 * contract test ({@code BallotBoxContract} in core's test jar).
 *
 * <h2>What every implementation guarantees</h2>
 *
 * <ol>
 *   <li><b>At most one counted ballot per participant and budget</b>, whatever the channel and
 *       however many calls race: concurrent casts for one participant leave exactly one counted
 *       ballot; casts for distinct participants are all counted.
 *   <li><b>Replacement</b>: when {@link VoteSettings#changesAllowed()}, a new ballot before the
 *       close replaces the previous one in one atomic step; the count never holds two, nor zero in
 *       between.
 *   <li><b>Two stores kept apart</b>: the participation register ("participant K has voted on
 *       budget B, through channel C, encoded by staff S") and the counted ballots (receipt hash and
 *       ballot only). Nothing stored links a ballot to its participant in clear: no participant
 *       key, time or channel on a ballot, no ballot id on a participation record, no insertion
 *       order exposed. To replace a ballot, an implementation locates it through a slot handle
 *       derived with {@link BallotSlots} from a secret that is not stored with the ballots, and
 *       that {@link #seal} destroys once nothing can change any more.
 *   <li><b>Receipts</b>: the {@link ReceiptCode} returned to the voter is never stored, only its
 *       {@link ReceiptHash}, published with the ballot by {@link #countedBallots}.
 *   <li><b>Outcomes are values</b>: refusals come back as {@link CastOutcome}s; only programming
 *       errors (an unknown budget, null arguments) throw.
 * </ol>
 *
 * <p>Whether a ballot is accepted (the vote window, the channel, the participant's existing
 * participation, the second encoder) is decided by {@link CastPolicy}, which every implementation
 * calls with what its store holds. Eligibility is decided before calling {@link #cast}; this
 * contract does not re-check it.
 */
public interface BallotBox {

  /**
   * Opens (declares) the vote on a budget. Declaring the same settings again does nothing; other
   * settings (another form, other dates) replace the declared ones until the first ballot or paper
   * encoding, and never after.
   *
   * @param settings the vote's settings
   * @throws IllegalStateException if the budget was opened with different settings and a ballot was
   *     already handed in
   */
  void open(VoteSettings settings);

  /**
   * Moves the close of a vote (closing it early, or extending it after an outage), with the end of
   * desk encoding, when {@link CastPolicy#rescheduling} allows it at the instant of the change
   * ({@link VoteChange#at()}: closing "now" is not refused for the time the call took), and records
   * the change in the vote's history ({@link #changes}) in the same step. Ballots already counted
   * stay counted.
   *
   * @param budget the budget
   * @param change the new close and end of desk encoding, with the reason and who decided
   * @return the new settings
   * @throws IllegalStateException if {@link CastPolicy#rescheduling} refuses, naming the reason
   */
  VoteSettings reschedule(BudgetId budget, VoteChange change);

  /**
   * The moves of a vote's close, oldest first, each with the close it replaced.
   *
   * @param budget the budget
   * @return the changes; empty when the close never moved
   */
  List<VoteChange> changes(BudgetId budget);

  /**
   * The settings of a budget's vote.
   *
   * @param budget the budget
   * @return its settings, or empty if never opened
   */
  Optional<VoteSettings> settings(BudgetId budget);

  /**
   * Hands in a ballot.
   *
   * @param request the budget, participant, ballot and channel
   * @return what became of it
   * @throws IllegalArgumentException if the budget was never opened
   */
  CastOutcome cast(CastRequest request);

  /**
   * A second staff member encodes a pending paper ballot again; if both encodings are equal the
   * ballot is counted ({@link CastOutcome.Confirmed}), otherwise it stays pending ({@link
   * CastOutcome.EncodingMismatch}). The confirmer must differ from the first encoder.
   *
   * @param pending the pending encoding
   * @param secondEncoder the confirming staff member
   * @param secondEncoding the ballot as the second encoder read it
   * @return what became of it
   */
  CastOutcome confirm(PendingEncodingId pending, StaffId secondEncoder, Ballot secondEncoding);

  /**
   * Discards a pending paper encoding (an encoding error); the participant may vote again.
   *
   * @param pending the pending encoding
   * @param staff the staff member discarding it
   * @return {@link CastOutcome.Discarded} or {@link CastOutcome.UnknownEncoding}
   */
  CastOutcome discard(PendingEncodingId pending, StaffId staff);

  /**
   * Whether a participant has voted on a budget.
   *
   * @param budget the budget
   * @param participant the participant
   * @return the participation status
   */
  ParticipationStatus status(BudgetId budget, ParticipantKey participant);

  /**
   * Lets a voter check their receipt.
   *
   * @param budget the budget
   * @param receipt the voter's code
   * @return the counted ballot, or not counted
   */
  ReceiptCheck check(BudgetId budget, ReceiptCode receipt);

  /**
   * The counted ballots of a budget, ordered by receipt hash (an order that reveals nothing about
   * when or by whom a ballot was cast). This is what a counting rule counts and what is published.
   *
   * @param budget the budget
   * @return the counted ballots
   */
  List<CountedBallot> countedBallots(BudgetId budget);

  /**
   * The number of voters per channel.
   *
   * @param budget the budget
   * @return the turnout; its total equals the number of counted ballots
   */
  Turnout turnout(BudgetId budget);

  /**
   * Seals a closed vote: destroys the slot handles (and their secret) that allowed replacing a
   * ballot, so that no one, not even the operator, can link a counted ballot to its participant any
   * more. Refused before desk encoding ends; sealing twice does nothing.
   *
   * @param budget the budget
   * @throws IllegalStateException if desk encoding has not ended or encodings are still pending
   */
  void seal(BudgetId budget);
}
