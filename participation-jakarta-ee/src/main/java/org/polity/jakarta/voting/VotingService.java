package org.polity.jakarta.voting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.polity.ballot.Ballot;
import org.polity.ballot.BallotForm;
import org.polity.ballot.BallotProblem;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.common.Texts;
import org.polity.eligibility.DeskAttestation;
import org.polity.identity.ParticipantKey;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.config.Mode;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.eligibility.EligibilityService;
import org.polity.jakarta.events.PhaseOpened;
import org.polity.jakarta.events.ProjectStatusChanged;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.BudgetBallot;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.process.ParticipationAction;
import org.polity.process.Phase;
import org.polity.process.PhaseKind;
import org.polity.voting.BallotBox;
import org.polity.voting.CastOutcome;
import org.polity.voting.CastPolicy;
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
import org.polity.voting.VoteChange;
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

  /** How long the projects and phase of a budget's ballot are kept between two ballots. */
  static final long SHEET_NANOS = 1_000_000_000L;

  @Inject BallotBox ballotBox;
  @Inject ParticipantKeyer keyer;
  @Inject EligibilityService eligibility;
  @Inject Processes processes;
  @Inject PolitySettings polity;
  @Inject PolityDatabase database;
  @Inject Event<VoteRescheduled> rescheduled;
  @Inject Clock clock;

  /**
   * The ballots of budgets (projects, envelope, phase), read again at most every {@link
   * #SHEET_NANOS} and at once after a phase move or a change of a project's status on this node:
   * casting needs them for every ballot, and reading the process each time would cost more than the
   * cast itself.
   */
  private final Map<BudgetId, Sheet> sheets = new ConcurrentHashMap<>();

  /** A budget's ballot as read, with its projects' costs computed once for every cast. */
  private record Sheet(Optional<BudgetBallot> ballot, Map<ProjectId, Money> costs, long readAt) {}

  private boolean receiptShowsBallot;

  /** Creates the service; CDI calls it. */
  public VotingService() {}

  @jakarta.annotation.PostConstruct
  void readSettings() {
    receiptShowsBallot =
        VotingCapability.receiptShowsBallot(
            org.eclipse.microprofile.config.ConfigProvider.getConfig());
  }

  /**
   * Whether a receipt check shows the ballot's contents ({@value
   * VotingCapability#RECEIPT_SHOWS_BALLOT}, false by default): otherwise it shows that the ballot
   * is counted and its fingerprint in the published ballots.
   *
   * @return the setting
   */
  public boolean receiptShowsBallot() {
    return receiptShowsBallot;
  }

  /**
   * Declares the vote on a budget with its ballot form (administrators). Declaring the same again
   * changes nothing; other settings or another form replace the declared ones until the first
   * ballot. The form's basket is the budget's envelope unless the form states one ({@link
   * RequestedForm}). A budget must belong to a process (except in development mode, where a bare
   * vote without a process has no form and accepts any ballot).
   *
   * @param caller an administrator
   * @param settings the vote's settings (their own form, if any, is replaced by {@code form})
   * @param form the ballot form stated; empty for the default, {@link BallotFormJson#byDefault()}:
   *     an approval ballot of at least one project within the envelope
   * @return the settings as declared, with the form; refused {@code vote-already-declared}
   *     (conflict) once a ballot was handed in under other settings, 422 {@code
   *     budget-without-process}, 409 {@code budget-not-mapped}, 422 {@code invalid-ballot-form}
   *     when the basket is not in the envelope's currency
   */
  public Result<VoteSettings> declare(
      Caller caller, VoteSettings settings, Optional<RequestedForm> stated) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(stated, "stated");
    RequestedForm form = stated.orElseGet(BallotFormJson::byDefault);
    Optional<Refusal> forbidden = require(caller, PolityRole.ADMINISTRATOR);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    Result<Optional<BudgetBallot>> ballot = readBallot(settings.budget());
    if (ballot.refusal().isPresent()) {
      return Result.refused(ballot.refusal().get());
    }
    VoteSettings declared = settings;
    if (ballot.orElseThrow().isPresent()) {
      Money envelope = ballot.orElseThrow().get().envelope();
      BallotForm resolved = form.resolve(Optional.of(envelope));
      if (resolved.maxTotalCost().isPresent()
          && !resolved.maxTotalCost().get().currency().equals(envelope.currency())) {
        return Result.refused(
            Refusal.of(
                Refusal.Kind.RULE,
                "invalid-ballot-form",
                TEXTS.text(
                    "vote.form-currency",
                    settings.budget().value(),
                    envelope.currency().getCurrencyCode())));
      }
      declared = settings.withForm(resolved);
    } else if (stated.isPresent()) {
      declared = settings.withForm(form.resolve(Optional.empty()));
    }
    try {
      ballotBox.open(declared);
    } catch (IllegalStateException e) {
      String existing =
          ballotBox.settings(settings.budget()).map(VotingService::describe).orElse("");
      return Result.refused(
          conflict("vote-already-declared", "vote.already-declared", settings.budget(), existing));
    }
    return Result.ok(ballotBox.settings(settings.budget()).orElse(declared));
  }

  /**
   * Declares the vote on a budget with the settings' own form, or the default form ({@link
   * #declare(Caller, VoteSettings, Optional)}).
   *
   * @param caller an administrator
   * @param settings the vote's settings
   * @return as {@link #declare(Caller, VoteSettings, Optional)}
   */
  public Result<VoteSettings> declare(Caller caller, VoteSettings settings) {
    return declare(
        caller,
        settings,
        settings.form().map(form -> new RequestedForm(form, Optional.of(form.maxTotalCost()))));
  }

  /**
   * Closes a vote early, or extends it (after an outage), with a public reason (administrators).
   * Unless given, the end of desk encoding stays as planned when closing early (paper ballots
   * handed in before are still encoded) and keeps its distance to the close when extending.
   * Recorded in the vote's history ({@link #changes}) and announced as {@link VoteRescheduled}.
   *
   * @param caller an administrator
   * @param budget the budget
   * @param closesAt the new close; empty to close now
   * @param deskEncodingUntil the new end of desk encoding; empty to keep its distance to the close
   * @param reason why, shown publicly
   * @return the new settings; refused not found, {@code vote-not-reschedulable} (conflict) when the
   *     vote is finished or the new dates are in the past or inverted
   */
  public Result<VoteSettings> reschedule(
      Caller caller,
      BudgetId budget,
      Optional<Instant> closesAt,
      Optional<Instant> deskEncodingUntil,
      String reason) {
    Optional<Refusal> forbidden = require(caller, PolityRole.ADMINISTRATOR);
    if (forbidden.isPresent()) {
      return Result.refused(forbidden.get());
    }
    Result<VoteSettings> current = settings(budget);
    if (current.refusal().isPresent()) {
      return current;
    }
    VoteSettings settings = current.orElseThrow();
    Instant now = clock.instant();
    Instant closes = closesAt.orElse(now);
    // By default, closing early keeps the planned end of desk encoding (paper ballots handed in
    // before the close are still encoded), and extending keeps its distance to the close.
    Instant desk =
        deskEncodingUntil.orElse(
            closes.isBefore(settings.closesAt())
                ? (settings.deskEncodingUntil().isBefore(closes)
                    ? closes
                    : settings.deskEncodingUntil())
                : closes.plus(Duration.between(settings.closesAt(), settings.deskEncodingUntil())));
    Optional<CastPolicy.Rescheduling> refused =
        CastPolicy.rescheduling(settings, now, closes, desk);
    if (refused.isPresent()) {
      return Result.refused(
          conflict(
              "vote-not-reschedulable",
              "vote.not-reschedulable." + refused.get().name().toLowerCase(Locale.ROOT),
              budget.value(),
              settings.deskEncodingUntil().toString()));
    }
    VoteChange change = new VoteChange(closes, desk, reason, shownAs(caller), now, null);
    VoteSettings moved;
    try {
      moved = ballotBox.reschedule(budget, change);
    } catch (IllegalStateException e) {

      return Result.refused(
          conflict(
              "vote-not-reschedulable",
              "vote.not-reschedulable.finished",
              budget.value(),
              settings.deskEncodingUntil().toString()));
    }
    List<VoteChange> history = ballotBox.changes(budget);
    rescheduled.fire(
        new VoteRescheduled(budget, history.isEmpty() ? change : history.get(history.size() - 1)));
    return Result.ok(moved);
  }

  /**
   * The moves of a vote's close, oldest first; anyone may read them.
   *
   * @param budget the budget
   * @return the changes; refused not found
   */
  public Result<List<VoteChange>> changes(BudgetId budget) {
    Optional<Refusal> noVote = requireVote(budget);
    return noVote.isPresent() ? Result.refused(noVote.get()) : Result.ok(ballotBox.changes(budget));
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
    return castOnSheet(budget, participant, ballot, channel, language);
  }

  /** The phase and form checks, then the box: the last steps of every channel. */
  private Result<CastOutcome> castOnSheet(
      BudgetId budget,
      ParticipantKey participant,
      Ballot ballot,
      Channel channel,
      Locale language) {
    Result<Sheet> sheet = sheet(budget);
    if (sheet.refusal().isPresent()) {
      return Result.refused(sheet.refusal().get());
    }
    Optional<BudgetBallot> onBallot = sheet.orElseThrow().ballot();
    if (onBallot.isPresent()) {
      Optional<Refusal> phase = requirePhase(onBallot.get(), channel);
      if (phase.isPresent()) {
        return Result.refused(phase.get());
      }
    }
    Map<ProjectId, Money> costs = sheet.orElseThrow().costs();
    CastOutcome outcome =
        ballotBox.cast(new CastRequest(budget, participant, ballot, channel, costs));
    return answer(budget, outcome, language, channel instanceof Channel.Desk);
  }

  /**
   * Encodes a paper ballot at a desk on a resident's behalf (encoders), without any attested
   * evidence: as {@link #encode(Caller, BudgetId, String, Ballot, DeskAttestation, Locale)} with
   * {@link DeskAttestation#nothing()}, so a budget whose rule needs an age or a checked identity
   * refuses it.
   *
   * @param encoder the staff member encoding it
   * @param budget the budget
   * @param identifier the resident's identifier, as on their paper ballot
   * @param ballot the ballot as the encoder reads it
   * @return as the full form
   */
  public Result<CastOutcome> encode(
      Caller encoder, BudgetId budget, String identifier, Ballot ballot) {
    return encode(encoder, budget, identifier, ballot, DeskAttestation.nothing(), Locale.ENGLISH);
  }

  /**
   * Encodes a paper ballot at a desk on a resident's behalf (encoders). In this order: the vote is
   * declared, the identifier gives a key, the budget's eligibility rule admits the resident on what
   * the encoder attests, the process is in its vote phase (or reviews the ballots, while desk
   * encoding runs), the ballot keeps to the vote's form, and the ballot box accepts it. What was
   * checked (the kinds of evidence, never their values) is recorded with the encoder and the day.
   * When the vote requires a second encoder, the ballot waits for one ({@link #confirm}).
   *
   * @param encoder the staff member encoding it
   * @param budget the budget
   * @param identifier the resident's identifier, as on their paper ballot
   * @param ballot the ballot as the encoder reads it
   * @param attested what the encoder checked (document, birth date or age band, address)
   * @param language the reader's language, for the refusals' extension members
   * @return {@link CastOutcome.Accepted} (counted) or {@link CastOutcome.AwaitingSecondEncoder};
   *     refused invalid (an unusable identifier, extension {@code field}: {@code identifier}), not
   *     found, the eligibility refusals of {@link #cast}, 422 {@code invalid-ballot}, or the
   *     conflicts of {@link #cast}
   */
  public Result<CastOutcome> encode(
      Caller encoder,
      BudgetId budget,
      String identifier,
      Ballot ballot,
      DeskAttestation attested,
      Locale language) {
    Objects.requireNonNull(ballot, "ballot");
    Objects.requireNonNull(attested, "attested");
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
    Result<ParticipantKey> eligible =
        eligibility.requireEligibleAtDesk(budget, participant, attested, language);
    if (eligible.refusal().isPresent()) {
      return Result.refused(eligible.refusal().get());
    }
    Channel desk = Channel.desk(staff(encoder));
    Result<CastOutcome> outcome = castOnSheet(budget, participant, ballot, desk, language);
    if (outcome.refusal().isEmpty()) {
      recordAttestation(budget, encoder, attested);
    }
    return outcome;
  }

  private void recordAttestation(BudgetId budget, Caller encoder, DeskAttestation attested) {
    LocalDate day =
        clock
            .instant()
            .atZone(processes.ofBudget(budget).map(d -> d.process().zone()).orElse(ZoneOffset.UTC))
            .toLocalDate();
    database.inTransaction(
        em -> {
          em.persist(
              new DeskAttestationRecord(
                  UUID.randomUUID().toString(),
                  budget.value(),
                  staff(encoder).value(),
                  day,
                  attested.basis()));
          return null;
        });
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
    return answer(
        budget, ballotBox.confirm(pending, staff(encoder), secondReading), Locale.ENGLISH, true);
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
    return answer(budget, ballotBox.discard(pending, staff(encoder)), Locale.ENGLISH, true);
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

  /**
   * A ballot box's outcome as a result: counted, pending and discarded are values. At a desk, a
   * resident who already voted is only said to have voted: the encoder is not told through which
   * channel (issue 13).
   */
  private static Result<CastOutcome> answer(
      BudgetId budget, CastOutcome outcome, Locale language, boolean desk) {
    if (outcome.counted()
        || outcome instanceof CastOutcome.AwaitingSecondEncoder
        || outcome instanceof CastOutcome.Discarded) {
      return Result.ok(outcome);
    }
    if (outcome instanceof CastOutcome.Invalid invalid) {
      return Result.refused(invalidBallot(budget, invalid, language));
    }
    if (desk && outcome instanceof CastOutcome.AlreadyVoted) {
      return Result.refused(conflict("already-voted", "ballot.already-voted.desk", budget.value()));
    }
    return Result.refused(refusal(budget, outcome));
  }

  /**
   * The refusal of a ballot that breaks the form: 422 {@code invalid-ballot}, its detail listing
   * every reason in each language, and an {@code errors} extension with one member per reason
   * ({@code code}, {@code detail} in {@code language}, {@code arguments}).
   *
   * @param budget the budget
   * @param invalid the outcome
   * @param language the language of the extension's details
   * @return the refusal
   */
  static Refusal invalidBallot(BudgetId budget, CastOutcome.Invalid invalid, Locale language) {
    Map<String, String> detail = new LinkedHashMap<>();
    for (Locale one : Texts.LANGUAGES) {
      StringBuilder text = new StringBuilder(TEXTS.in(one, "ballot.invalid", budget.value()));
      for (BallotProblem problem : invalid.problems()) {
        text.append(' ').append(problem.text(one));
      }
      detail.put(one.toLanguageTag(), text.toString());
    }
    JsonArrayBuilder errors = BallotJson.PROVIDER.createArrayBuilder();
    for (BallotProblem problem : invalid.problems()) {
      JsonArrayBuilder arguments = BallotJson.PROVIDER.createArrayBuilder();
      problem.arguments().forEach(a -> arguments.add(String.valueOf(a)));
      errors.add(
          BallotJson.PROVIDER
              .createObjectBuilder()
              .add("field", "ballot")
              .add("code", problem.code())
              .add("detail", problem.text(language))
              .add("message", problem.text(language))
              .add("arguments", arguments));
    }
    return new Refusal(
        Refusal.Kind.RULE,
        "invalid-ballot",
        new LocalizedText(detail),
        BallotJson.PROVIDER.createObjectBuilder().add("errors", errors).build());
  }

  /**
   * The projects, envelope and phase of a budget's ballot, from the cache when fresh.
   *
   * @param budget the budget
   * @return the ballot; empty for a budget without a process (development mode only: production
   *     refuses such a vote before)
   */
  private Result<Sheet> sheet(BudgetId budget) {
    Sheet cached = sheets.get(budget);
    if (cached != null && System.nanoTime() - cached.readAt() < SHEET_NANOS) {
      return Result.ok(cached);
    }
    Result<Optional<BudgetBallot>> read = readBallot(budget);
    if (read.refusal().isPresent()) {
      sheets.remove(budget);
      return Result.refused(read.refusal().get());
    }
    Optional<BudgetBallot> ballot = read.orElseThrow();
    Sheet sheet =
        new Sheet(
            ballot,
            Map.copyOf(ballot.map(BudgetBallot::costs).orElse(Map.of())),
            System.nanoTime());
    sheets.put(budget, sheet);
    return Result.ok(sheet);
  }

  private Result<Optional<BudgetBallot>> readBallot(BudgetId budget) {
    if (processes.ofBudget(budget).isEmpty()) {
      return polity.mode() == Mode.DEVELOPMENT
          ? Result.ok(Optional.empty())
          : Result.refused(
              Refusal.of(
                  Refusal.Kind.RULE,
                  "budget-without-process",
                  TEXTS.text("vote.budget-without-process", budget.value())));
    }
    return processes.ballot(budget).map(Optional::of);
  }

  /** Forgets the ballots read, after a phase move. */
  void onPhaseOpened(@Observes PhaseOpened opened) {
    sheets.clear();
  }

  /** Forgets the ballots read, after a project's status changed (put on the ballot). */
  void onProjectStatusChanged(@Observes ProjectStatusChanged changed) {
    sheets.clear();
  }

  /**
   * Refuses a ballot outside the vote phase: online and booth ballots only while the process's
   * current phase allows voting; desk ballots also while it reviews the ballots (desk encoding
   * after the close).
   */
  private static Optional<Refusal> requirePhase(BudgetBallot ballot, Channel channel) {
    Optional<Phase> phase = ballot.phase();
    boolean voting = phase.isPresent() && phase.get().allows(ParticipationAction.VOTE);
    boolean reviewing =
        channel instanceof Channel.Desk
            && phase.isPresent()
            && phase.get().kind() == PhaseKind.BALLOT_REVIEW;
    if (voting || reviewing) {
      return Optional.empty();
    }
    return Optional.of(
        phase.isEmpty()
            ? conflict(
                "vote-phase-not-open",
                "vote.phase.none",
                ballot.budget().value(),
                ballot.process().value())
            : conflict(
                "vote-phase-not-open",
                "vote.phase.other",
                ballot.budget().value(),
                ballot.process().value(),
                phase.get().id()));
  }

  private static String describe(VoteSettings settings) {
    return settings.opensAt()
        + " – "
        + settings.closesAt()
        + (settings.form().isPresent() ? ", " + BallotFormJson.toJson(settings.form().get()) : "");
  }

  /** How a staff member is shown in public histories: their role, never their sign-in subject. */
  private static String shownAs(Caller caller) {
    return caller.hasAny(PolityRole.ADMINISTRATOR)
        ? PolityRole.ADMINISTRATOR.roleName()
        : PolityRole.STAFF.roleName();
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
