package org.polity.jakarta.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.Texts;
import org.polity.identity.ParticipantKey;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.eligibility.EligibilityService;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.voting.BallotBox;
import org.polity.voting.CastOutcome;
import org.polity.voting.CastRequest;
import org.polity.voting.Channel;
import org.polity.voting.ChannelKind;
import org.polity.voting.CountedBallot;
import org.polity.voting.ParticipationStatus;
import org.polity.voting.PendingEncodingId;
import org.polity.voting.ReceiptCheck;
import org.polity.voting.ReceiptCode;
import org.polity.voting.StaffId;
import org.polity.voting.Turnout;
import org.polity.voting.VoteSettings;

/**
 * The voting capability's application service: its public methods are the use cases of a vote,
 * called the same way by the REST resources ({@link BallotResource}, {@link VoteResource}, {@link
 * PaperBallotResource}) and by a host portal's own code. Each applies every rule of its use case
 * (the caller's roles, a declared vote, the participant key, eligibility, then core's {@link
 * BallotBox} and its {@link org.polity.voting.CastPolicy}) and answers with a {@link Result}: the
 * outcome, or a {@link Refusal} whose code and kind are those of the REST API ({@code
 * already-voted}, {@code vote-not-open}, {@code vote-closed}, {@code encoding-in-progress}, {@code
 * encoding-mismatch}, {@code same-encoder}, {@code vote-already-declared}, {@code
 * vote-not-sealable}, {@code vote-not-finished}, {@code identity-not-usable}, {@code not-found}),
 * with its detail in French, Dutch and English.
 *
 * <pre>{@code
 * @Inject VotingService voting;
 *
 * Caller resident = Caller.of(principal, Set.of(PolityRole.PARTICIPANT));
 * Result<CastOutcome> cast =
 *     voting.cast(resident, BudgetId.of("pb-2026"), ballot, Channel.online(), Locale.FRENCH);
 * if (cast instanceof Result.Ok<CastOutcome> ok) {
 *   show(ok.value()); // Accepted or Replaced, with the voter's receipt code
 * } else {
 *   show(cast.refusal().orElseThrow().detail(Locale.FRENCH));
 * }
 * }</pre>
 *
 * <p>Ballots that entered the count fire {@link BallotCast} after their commit (through the ballot
 * box). Time comes from the injected {@link Clock}. Casting is the hot path of a vote: a cast costs
 * what the ballot box costs, plus one participant key and the eligibility decision; no transaction,
 * query or reflection of its own.
 */
@ApplicationScoped
public class VotingService {

  private static final Texts TEXTS = Texts.of(VotingService.class);

  @Inject BallotBox ballotBox;
  @Inject ParticipantKeyer keyer;
  @Inject EligibilityService eligibility;
  @Inject Clock clock;

  /** Creates the service; CDI calls it. */
  public VotingService() {}

  /**
   * Declares the vote on a budget (administrators). Declaring the same settings again changes
   * nothing.
   *
   * @param caller an administrator
   * @param settings the vote's settings
   * @return the settings; refused {@code vote-already-declared} (conflict) when the vote was
   *     declared with other settings
   */
  public Result<VoteSettings> declare(Caller caller, VoteSettings settings) {
    Objects.requireNonNull(settings, "settings");
    Optional<Refusal> forbidden = require(caller, PolityRole.ADMINISTRATOR);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    try {
      ballotBox.open(settings);
    } catch (IllegalStateException e) {
      String existing = ballotBox.settings(settings.budget()).map(Object::toString).orElse("");
      return Result.refused(
          conflict("vote-already-declared", "vote.already-declared", settings.budget(), existing));
    }
    return Result.ok(settings);
  }

  /**
   * The settings of the vote on a budget; anyone may read them.
   *
   * @param budget the budget
   * @return the settings; refused not found when no vote is declared
   */
  public Result<VoteSettings> settings(BudgetId budget) {
    Optional<VoteSettings> settings = ballotBox.settings(Objects.requireNonNull(budget, "budget"));
    return settings.isPresent()
        ? Result.ok(settings.get())
        : Result.refused(Refusal.notFound(TEXTS.text("vote.not-declared", budget.value())));
  }

  /**
   * Casts the caller's ballot, or replaces it while the vote allows changes (participants). In this
   * order: the vote is declared, the caller's identity gives a participant key, the budget's
   * process lets the caller vote, and the ballot box accepts the ballot ({@link
   * org.polity.voting.CastPolicy}). Answers once the ballot is committed.
   *
   * @param caller the participant
   * @param budget the budget
   * @param ballot the ballot
   * @param channel {@link Channel#online()} or a booth; paper ballots go through {@link #encode}
   * @param language the reader's language, for an eligibility refusal
   * @return {@link CastOutcome.Accepted} or {@link CastOutcome.Replaced} with the receipt code
   *     (give it to the voter, it is not stored); refused not found, {@code identity-not-usable}
   *     (rule), {@code already-voted}, {@code vote-not-open}, {@code vote-closed} or {@code
   *     encoding-in-progress} (conflicts); refused when the process's eligibility rules refuse the
   *     caller (403 {@code not-eligible} or 422 {@code eligibility-unresolved}, with reasons and
   *     remedies in {@code language} as extension members), as {@link EligibilityService} decides
   * @throws IllegalArgumentException for a desk channel
   */
  public Result<CastOutcome> cast(
      Caller caller, BudgetId budget, Ballot ballot, Channel channel, Locale language) {
    if (channel instanceof Channel.Desk) {
      throw new IllegalArgumentException(
          "A paper ballot is encoded by staff: call encode(...) instead of cast(...).");
    }
    Objects.requireNonNull(ballot, "ballot");
    Optional<Refusal> refusal = require(caller, PolityRole.PARTICIPANT);
    if (refusal.isEmpty()) {
      refusal = requireVote(budget);
    }
    if (refusal.isPresent()) {
      return Result.refused(refusal.get());
    }
    ParticipantKey participant;
    try {
      participant = keyer.key(caller.principal().orElseThrow().getName());
    } catch (IllegalArgumentException e) {
      return Result.refused(identityNotUsable(e));
    }
    Result<ParticipantKey> eligible =
        eligibility.requireEligibleToVote(budget, caller, participant, language);
    if (eligible.refusal().isPresent()) {
      return Result.refused(eligible.refusal().get());
    }
    return answer(budget, ballotBox.cast(new CastRequest(budget, participant, ballot, channel)));
  }

  /**
   * Encodes a paper ballot at a desk on a resident's behalf (encoders). When the vote requires a
   * second encoder, the ballot waits for one ({@link #confirm}).
   *
   * @param encoder the staff member encoding it
   * @param budget the budget
   * @param identifier the resident's identifier, as on their paper ballot
   * @param ballot the ballot as the encoder reads it
   * @return {@link CastOutcome.Accepted} (counted) or {@link CastOutcome.AwaitingSecondEncoder};
   *     refused invalid (an unusable identifier, extension {@code field}: {@code identifier}), not
   *     found, or the conflicts of {@link #cast}
   */
  public Result<CastOutcome> encode(
      Caller encoder, BudgetId budget, String identifier, Ballot ballot) {
    Objects.requireNonNull(ballot, "ballot");
    Optional<Refusal> forbidden = require(encoder, PolityRole.ENCODER);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    ParticipantKey participant;
    try {
      participant = keyer.key(identifier);
    } catch (IllegalArgumentException e) {
      return Result.refused(
          new Refusal(
              Refusal.Kind.INVALID,
              "invalid-input",
              TEXTS.text("identifier.not-usable", e.getMessage()),
              BallotJson.PROVIDER.createObjectBuilder().add("field", "identifier").build()));
    }
    Optional<Refusal> noVote = requireVote(budget);
    if (noVote.isPresent()) {
      return Result.refused(noVote.get());
    }
    Channel desk = Channel.desk(staff(encoder));
    return answer(budget, ballotBox.cast(new CastRequest(budget, participant, ballot, desk)));
  }

  /**
   * A second encoder confirms a pending paper ballot by encoding it again (encoders).
   *
   * @param encoder the second encoder
   * @param budget the budget
   * @param pending the pending encoding
   * @param secondReading the ballot as the second encoder reads it
   * @return {@link CastOutcome.Confirmed} with the receipt; refused {@code same-encoder}, {@code
   *     encoding-mismatch}, {@code vote-closed}, {@code already-voted} or not found
   */
  public Result<CastOutcome> confirm(
      Caller encoder, BudgetId budget, PendingEncodingId pending, Ballot secondReading) {
    Optional<Refusal> forbidden = require(encoder, PolityRole.ENCODER);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    return answer(budget, ballotBox.confirm(pending, staff(encoder), secondReading));
  }

  /**
   * Discards a pending paper ballot, an encoding error; the resident may vote again (encoders).
   *
   * @param encoder the staff member
   * @param budget the budget
   * @param pending the pending encoding
   * @return {@link CastOutcome.Discarded}; refused not found
   */
  public Result<CastOutcome> discard(Caller encoder, BudgetId budget, PendingEncodingId pending) {
    Optional<Refusal> forbidden = require(encoder, PolityRole.ENCODER);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    return answer(budget, ballotBox.discard(pending, staff(encoder)));
  }

  /**
   * Whether the caller has voted on a budget (participants).
   *
   * @param caller the participant
   * @param budget the budget
   * @return the status; refused not found or {@code identity-not-usable}
   */
  public Result<ParticipationStatus> participation(Caller caller, BudgetId budget) {
    Optional<Refusal> refusal = require(caller, PolityRole.PARTICIPANT);
    if (refusal.isEmpty()) {
      refusal = requireVote(budget);
    }
    if (refusal.isPresent()) {
      return Result.refused(refusal.get());
    }
    try {
      ParticipantKey participant = keyer.key(caller.principal().orElseThrow().getName());
      return Result.ok(ballotBox.status(budget, participant));
    } catch (IllegalArgumentException e) {
      return Result.refused(identityNotUsable(e));
    }
  }

  /**
   * Checks a receipt: whether the ballot it was given for is counted, and as what; anyone may.
   *
   * @param budget the budget
   * @param receipt the voter's receipt code
   * @return the check; refused not found
   */
  public Result<ReceiptCheck> checkReceipt(BudgetId budget, ReceiptCode receipt) {
    Objects.requireNonNull(receipt, "receipt");
    Optional<Refusal> noVote = requireVote(budget);
    return noVote.isPresent()
        ? Result.refused(noVote.get())
        : Result.ok(ballotBox.check(budget, receipt));
  }

  /**
   * How many participants voted, per channel (staff, moderators, administrators).
   *
   * @param caller the caller
   * @param budget the budget
   * @return the turnout; refused not found
   */
  public Result<Turnout> turnout(Caller caller, BudgetId budget) {
    Optional<Refusal> refusal =
        require(caller, PolityRole.STAFF, PolityRole.MODERATOR, PolityRole.ADMINISTRATOR);
    if (refusal.isEmpty()) {
      refusal = requireVote(budget);
    }
    return refusal.isPresent()
        ? Result.refused(refusal.get())
        : Result.ok(ballotBox.turnout(budget));
  }

  /**
   * The counted ballots with their receipt hashes, ordered by hash: what anyone may recount, once
   * the vote is finished (desk encoding over), so that no running tally is published.
   *
   * @param budget the budget
   * @return the ballots; refused not found or {@code vote-not-finished} (conflict)
   */
  public Result<List<CountedBallot>> countedBallots(BudgetId budget) {
    Result<VoteSettings> settings = settings(budget);
    if (!(settings instanceof Result.Ok<VoteSettings> ok)) {
      return Result.refused(settings.refusal().orElseThrow());
    }
    if (!ok.value().finishedAt(clock.instant())) {
      return Result.refused(
          conflict(
              "vote-not-finished",
              "vote.not-finished",
              budget.value(),
              ok.value().deskEncodingUntil().toString()));
    }
    return Result.ok(ballotBox.countedBallots(budget));
  }

  /**
   * Seals a finished vote: nobody can link a counted ballot to its participant any more
   * (administrators). Sealing twice changes nothing.
   *
   * @param caller an administrator
   * @param budget the budget
   * @return the sealed vote's settings; refused not found or {@code vote-not-sealable} (conflict)
   *     while desk encoding runs or paper encodings wait for a second encoder
   */
  public Result<VoteSettings> seal(Caller caller, BudgetId budget) {
    Optional<Refusal> forbidden = require(caller, PolityRole.ADMINISTRATOR);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    Result<VoteSettings> settings = settings(budget);
    if (!(settings instanceof Result.Ok<VoteSettings> ok)) {
      return settings;
    }
    if (!ok.value().finishedAt(clock.instant())) {
      return Result.refused(
          conflict(
              "vote-not-sealable",
              "vote.not-sealable.desk-encoding",
              budget.value(),
              ok.value().deskEncodingUntil().toString()));
    }
    try {
      ballotBox.seal(budget);
    } catch (IllegalStateException e) {
      return Result.refused(
          conflict("vote-not-sealable", "vote.not-sealable.pending", budget.value()));
    }
    return settings;
  }

  /** A ballot box's outcome as a result: counted, pending and discarded are values. */
  private static Result<CastOutcome> answer(BudgetId budget, CastOutcome outcome) {
    if (outcome.counted()
        || outcome instanceof CastOutcome.AwaitingSecondEncoder
        || outcome instanceof CastOutcome.Discarded) {
      return Result.ok(outcome);
    }
    return Result.refused(refusal(budget, outcome));
  }

  /**
   * The refusal that answers a refusing outcome of the ballot box.
   *
   * @param budget the budget
   * @param outcome a refusing outcome
   * @return the refusal, with the REST API's code
   */
  static Refusal refusal(BudgetId budget, CastOutcome outcome) {
    String id = budget.value();
    if (outcome instanceof CastOutcome.AlreadyVoted already) {
      return conflict("already-voted", "ballot.already-voted", id, channel(already.channel()));
    }
    if (outcome instanceof CastOutcome.NotOpen notOpen) {
      return conflict("vote-not-open", "vote.not-open", id, notOpen.opensAt().toString());
    }
    if (outcome instanceof CastOutcome.Closed closed) {
      return conflict("vote-closed", "vote.closed", id, closed.closedAt().toString());
    }
    if (outcome instanceof CastOutcome.EncodingInProgress) {
      return conflict("encoding-in-progress", "encoding.in-progress");
    }
    if (outcome instanceof CastOutcome.EncodingMismatch mismatch) {
      return conflict("encoding-mismatch", "encoding.mismatch", mismatch.pending().toString());
    }
    if (outcome instanceof CastOutcome.SameEncoder same) {
      return conflict("same-encoder", "encoding.same-encoder", same.encoder().toString());
    }
    if (outcome instanceof CastOutcome.UnknownEncoding unknown) {
      return Refusal.notFound(TEXTS.text("encoding.not-found", unknown.pending().toString()));
    }
    throw new IllegalArgumentException("The outcome " + outcome + " is not a refusal.");
  }

  private static LocalizedText channel(ChannelKind kind) {
    return TEXTS.text("channel." + kind.name().toLowerCase(Locale.ROOT));
  }

  private static Refusal conflict(String code, String key, Object... args) {
    return Refusal.of(Refusal.Kind.CONFLICT, code, TEXTS.text(key, args));
  }

  private static Refusal identityNotUsable(IllegalArgumentException e) {
    return Refusal.of(
        Refusal.Kind.RULE,
        "identity-not-usable",
        TEXTS.text("identity.not-usable", e.getMessage()));
  }

  private Optional<Refusal> requireVote(BudgetId budget) {
    Objects.requireNonNull(budget, "budget");
    return ballotBox.settings(budget).isPresent()
        ? Optional.empty()
        : Optional.of(Refusal.notFound(TEXTS.text("vote.not-declared", budget.value())));
  }

  /** Refuses a caller without one of the roles; a signed-in user is needed for any role. */
  private static Optional<Refusal> require(Caller caller, PolityRole... roles) {
    Objects.requireNonNull(caller, "caller");
    if (caller.principal().isPresent() && caller.hasAny(roles)) {
      return Optional.empty();
    }
    String names = Arrays.stream(roles).map(PolityRole::roleName).collect(Collectors.joining(", "));
    return Optional.of(
        Refusal.of(Refusal.Kind.FORBIDDEN, "not-allowed", TEXTS.text("roles.not-allowed", names)));
  }

  private static StaffId staff(Caller caller) {
    return StaffId.of(caller.name().orElseThrow());
  }
}
