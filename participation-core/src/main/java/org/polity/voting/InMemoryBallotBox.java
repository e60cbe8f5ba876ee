package org.polity.voting;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.identity.ParticipantKey;

/**
 * A {@link BallotBox} in memory, for tests, demonstrations and small self-hosted votes. Thread
 * safe: every change to one budget happens under that budget's lock, so concurrent casts for one
 * participant leave exactly one counted ballot.
 *
 * <p>It keeps the two stores apart exactly as a database implementation must: the participation
 * register maps participant keys to (channel, encoder); the ballot store maps opaque slots to
 * (receipt hash, ballot). Slots are {@link BallotSlots} handles under a per-budget random secret
 * that lives only in this object and is destroyed by {@link #seal}; when changes are not allowed
 * slots are random from the start. While a paper ballot waits for its second encoder, the pending
 * encoding names its participant (the desk holds the paper anyway); it leaves memory when confirmed
 * or discarded.
 */
public final class InMemoryBallotBox implements BallotBox {

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final Clock clock;
  private final SecureRandom random;
  private final Map<BudgetId, BudgetState> budgets = new ConcurrentHashMap<>();
  private final Map<PendingEncodingId, BudgetId> pendingBudgets = new ConcurrentHashMap<>();

  /** A box on the system clock with a fresh {@link SecureRandom}. */
  public InMemoryBallotBox() {
    this(Clock.systemUTC(), new SecureRandom());
  }

  /**
   * A box on a given clock (tests move it to open and close votes).
   *
   * @param clock the clock that says whether a vote is open
   * @param random the source of receipts, slot secrets and pending ids
   */
  public InMemoryBallotBox(Clock clock, SecureRandom random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public void open(VoteSettings settings) {
    Objects.requireNonNull(settings, "settings");
    BudgetState state =
        budgets.computeIfAbsent(
            settings.budget(),
            budget ->
                new BudgetState(
                    settings, settings.changesAllowed() ? BallotSlots.random(random) : null));
    synchronized (state) {
      if (state.settings.equals(settings)) {
        return;
      }
      if (!state.participation.isEmpty() || state.sealed) {
        throw new IllegalStateException(
            "The vote on "
                + settings.budget()
                + " has ballots already: its settings cannot change any more (close it early or"
                + " extend it with reschedule(...)).");
      }
      state.settings = settings;
      state.slots = settings.changesAllowed() ? BallotSlots.random(random) : null;
    }
  }

  @Override
  public VoteSettings reschedule(BudgetId budget, VoteChange change) {
    Objects.requireNonNull(change, "change");
    BudgetState state = state(budget);
    synchronized (state) {
      Optional<CastPolicy.Rescheduling> refused =
          CastPolicy.rescheduling(
              state.settings, change.at(), change.closesAt(), change.deskEncodingUntil());
      if (refused.isPresent()) {
        throw new IllegalStateException(
            "The close of the vote on " + budget + " cannot move: " + refused.get() + ".");
      }
      state.changes.add(change.replacing(state.settings.closesAt()));
      state.settings = state.settings.rescheduled(change.closesAt(), change.deskEncodingUntil());
      return state.settings;
    }
  }

  @Override
  public List<VoteChange> changes(BudgetId budget) {
    BudgetState state = state(budget);
    synchronized (state) {
      return List.copyOf(state.changes);
    }
  }

  @Override
  public Optional<VoteSettings> settings(BudgetId budget) {
    BudgetState state = budgets.get(Objects.requireNonNull(budget, "budget"));
    if (state == null) {
      return Optional.empty();
    }
    synchronized (state) {
      return Optional.of(state.settings);
    }
  }

  @Override
  public CastOutcome cast(CastRequest request) {
    Objects.requireNonNull(request, "request");
    BudgetState state = state(request.budget());
    synchronized (state) {
      Participation existing = state.participation.get(request.participant());
      CastDecision decision =
          CastPolicy.decide(
              state.settings,
              clock.instant(),
              request,
              existing == null ? ExistingParticipation.NONE : existing.asExisting());
      if (decision instanceof CastDecision.Refuse refuse) {
        return refuse.refusal();
      }
      if (decision instanceof CastDecision.AwaitSecondEncoder) {
        StaffId encoder = ((Channel.Desk) request.channel()).encoder();
        PendingEncodingId id = new PendingEncodingId(randomToken(16));
        state.pending.put(id, new Pending(request.participant(), encoder, request.ballot()));
        state.participation.put(
            request.participant(),
            new Participation(
                existing == null ? null : existing.voted,
                existing == null ? null : existing.encoder,
                id));
        pendingBudgets.put(id, request.budget());
        return new CastOutcome.AwaitingSecondEncoder(id);
      }
      StaffId encoder =
          request.channel() instanceof Channel.Desk deskChannel ? deskChannel.encoder() : null;
      Stored stored =
          store(state, request.participant(), request.ballot(), request.channel().kind(), encoder);
      return stored.replaced
          ? new CastOutcome.Replaced(stored.receipt)
          : new CastOutcome.Accepted(stored.receipt);
    }
  }

  @Override
  public CastOutcome confirm(
      PendingEncodingId pending, StaffId secondEncoder, Ballot secondEncoding) {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(secondEncoder, "secondEncoder");
    Objects.requireNonNull(secondEncoding, "secondEncoding");
    BudgetId budget = pendingBudgets.get(pending);
    if (budget == null) {
      return new CastOutcome.UnknownEncoding(pending);
    }
    BudgetState state = state(budget);
    synchronized (state) {
      Pending encoding = state.pending.get(pending);
      if (encoding == null) {
        return new CastOutcome.UnknownEncoding(pending);
      }
      Participation existing = state.participation.get(encoding.participant);
      CastDecision decision =
          CastPolicy.decideConfirmation(
              state.settings,
              clock.instant(),
              pending,
              encoding.encoder,
              secondEncoder,
              encoding.ballot.equals(secondEncoding),
              existing.asExisting());
      if (decision instanceof CastDecision.Refuse refuse) {
        return refuse.refusal();
      }
      removePending(state, pending, encoding);
      if (decision instanceof CastDecision.Withdraw withdraw) {
        return withdraw.refusal();
      }
      Stored stored =
          store(state, encoding.participant, encoding.ballot, ChannelKind.DESK, encoding.encoder);
      return new CastOutcome.Confirmed(stored.receipt, stored.replaced);
    }
  }

  @Override
  public CastOutcome discard(PendingEncodingId pending, StaffId staff) {
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(staff, "staff");
    BudgetId budget = pendingBudgets.get(pending);
    if (budget == null) {
      return new CastOutcome.UnknownEncoding(pending);
    }
    BudgetState state = state(budget);
    synchronized (state) {
      Pending encoding = state.pending.get(pending);
      if (encoding == null) {
        return new CastOutcome.UnknownEncoding(pending);
      }
      removePending(state, pending, encoding);
      return new CastOutcome.Discarded(pending);
    }
  }

  @Override
  public ParticipationStatus status(BudgetId budget, ParticipantKey participant) {
    Objects.requireNonNull(participant, "participant");
    BudgetState state = state(budget);
    synchronized (state) {
      Participation record = state.participation.get(participant);
      if (record == null) {
        return new ParticipationStatus.NotVoted();
      }
      if (record.pending != null) {
        return new ParticipationStatus.AwaitingSecondEncoder(
            state.pending.get(record.pending).encoder);
      }
      return new ParticipationStatus.Voted(record.voted);
    }
  }

  @Override
  public ReceiptCheck check(BudgetId budget, ReceiptCode receipt) {
    Objects.requireNonNull(receipt, "receipt");
    BudgetState state = state(budget);
    synchronized (state) {
      String slot = state.slotByReceipt.get(receipt.hash());
      return slot == null
          ? new ReceiptCheck.NotCounted()
          : new ReceiptCheck.Counted(state.ballots.get(slot).ballot());
    }
  }

  @Override
  public List<CountedBallot> countedBallots(BudgetId budget) {
    BudgetState state = state(budget);
    List<CountedBallot> counted;
    synchronized (state) {
      counted = new ArrayList<>(state.ballots.values());
    }
    counted.sort(Comparator.comparing(CountedBallot::receipt));
    return List.copyOf(counted);
  }

  @Override
  public Turnout turnout(BudgetId budget) {
    BudgetState state = state(budget);
    Map<ChannelKind, Long> counts = new EnumMap<>(ChannelKind.class);
    synchronized (state) {
      for (Participation record : state.participation.values()) {
        if (record.voted != null) {
          counts.merge(record.voted, 1L, Long::sum);
        }
      }
    }
    return new Turnout(counts);
  }

  @Override
  public void seal(BudgetId budget) {
    BudgetState state = state(budget);
    synchronized (state) {
      if (state.sealed) {
        return;
      }
      if (!state.settings.finishedAt(clock.instant())) {
        throw new IllegalStateException(
            "The vote on "
                + budget
                + " cannot be sealed before desk encoding ends at "
                + state.settings.deskEncodingUntil()
                + ".");
      }
      if (!state.pending.isEmpty()) {
        throw new IllegalStateException(
            "The vote on "
                + budget
                + " has "
                + state.pending.size()
                + " paper encoding(s) waiting"
                + " for a second encoder: confirm or discard them before sealing.");
      }
      // Re-key every ballot under a random slot and forget the slot secret.
      Map<String, CountedBallot> rekeyed = new HashMap<>();
      state.slotByReceipt.clear();
      for (CountedBallot ballot : state.ballots.values()) {
        String slot = BallotSlots.randomSlot(random);
        rekeyed.put(slot, ballot);
        state.slotByReceipt.put(ballot.receipt(), slot);
      }
      state.ballots.clear();
      state.ballots.putAll(rekeyed);
      if (state.slots != null) {
        state.slots.destroy();
        state.slots = null;
      }
      state.sealed = true;
    }
  }

  private Stored store(
      BudgetState state,
      ParticipantKey participant,
      Ballot ballot,
      ChannelKind channel,
      StaffId encoder) {
    String slot =
        state.slots != null
            ? state.slots.slotOf(state.settings.budget(), participant)
            : BallotSlots.randomSlot(random);
    ReceiptCode receipt = ReceiptCode.random(random);
    CountedBallot counted = new CountedBallot(receipt.hash(), ballot);
    CountedBallot previous = state.ballots.put(slot, counted);
    if (previous != null) {
      state.slotByReceipt.remove(previous.receipt());
    }
    state.slotByReceipt.put(counted.receipt(), slot);
    state.participation.put(participant, new Participation(channel, encoder, null));
    return new Stored(receipt, previous != null);
  }

  private void removePending(BudgetState state, PendingEncodingId id, Pending encoding) {
    state.pending.remove(id);
    pendingBudgets.remove(id);
    Participation existing = state.participation.get(encoding.participant);
    if (existing.voted == null) {
      state.participation.remove(encoding.participant);
    } else {
      state.participation.put(
          encoding.participant, new Participation(existing.voted, existing.encoder, null));
    }
  }

  private BudgetState state(BudgetId budget) {
    Objects.requireNonNull(budget, "budget");
    BudgetState state = budgets.get(budget);
    if (state == null) {
      throw new IllegalArgumentException(
          "No vote is open on budget " + budget + ": call open(VoteSettings) first.");
    }
    return state;
  }

  private String randomToken(int bytes) {
    byte[] token = new byte[bytes];
    random.nextBytes(token);
    return BASE64URL.encodeToString(token);
  }

  /** One budget's stores; guarded by its own monitor. */
  private static final class BudgetState {
    VoteSettings settings;
    BallotSlots slots;
    boolean sealed;

    /** The participation register: who voted, through which channel; no ballot reference. */
    final Map<ParticipantKey, Participation> participation = new HashMap<>();

    /** The ballot store: opaque slot to (receipt hash, ballot); no participant, time or channel. */
    final Map<String, CountedBallot> ballots = new HashMap<>();

    final Map<ReceiptHash, String> slotByReceipt = new HashMap<>();
    final Map<PendingEncodingId, Pending> pending = new HashMap<>();
    final List<VoteChange> changes = new ArrayList<>();

    BudgetState(VoteSettings settings, BallotSlots slots) {
      this.settings = settings;
      this.slots = slots;
    }
  }

  /** A participation record; {@code voted} is null while only a pending encoding exists. */
  private record Participation(ChannelKind voted, StaffId encoder, PendingEncodingId pending) {
    ExistingParticipation asExisting() {
      return new ExistingParticipation(voted, pending != null);
    }
  }

  private record Pending(ParticipantKey participant, StaffId encoder, Ballot ballot) {}

  private record Stored(ReceiptCode receipt, boolean replaced) {}
}
