package org.polity.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polity.ballot.Ballot;
import org.polity.ballot.BallotForm;
import org.polity.ballot.BallotKind;
import org.polity.ballot.BallotProblem;
import org.polity.common.BudgetId;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.identity.ParticipantKey;
import org.polity.testing.MutableClock;
import org.polity.testing.TestKeys;

/**
 * The {@link BallotBox} contract, as tests. Every implementation extends this class and says how to
 * build a box on a given clock; the Jakarta EE adapter runs the same tests against its database
 * (core's test jar).
 */
public abstract class BallotBoxContract {

  /** The vote opens. */
  protected static final Instant OPENS = Instant.parse("2026-05-01T08:00:00Z");

  /** The vote closes. */
  protected static final Instant CLOSES = Instant.parse("2026-05-31T20:00:00Z");

  /** Desk encoding ends. */
  protected static final Instant DESK_UNTIL = Instant.parse("2026-06-02T16:00:00Z");

  /** The budget voted on. */
  protected static final BudgetId BUDGET = BudgetId.of("pb-2026");

  private static final StaffId ALICE = StaffId.of("alice");
  private static final StaffId BOB = StaffId.of("bob");

  /** The test clock, set during the vote before each test. */
  protected MutableClock clock;

  /**
   * A fresh, empty box on the given clock.
   *
   * @param clock the clock the box must read the current instant from
   * @return the box
   */
  protected abstract BallotBox createBox(Clock clock);

  @BeforeEach
  public void startClock() {
    clock = new MutableClock(Instant.parse("2026-05-10T12:00:00Z"));
  }

  private BallotBox box(boolean changesAllowed, boolean secondEncoder) {
    BallotBox box = createBox(clock);
    box.open(
        VoteSettings.builder(BUDGET)
            .opens(OPENS)
            .closes(CLOSES)
            .deskEncodingUntil(DESK_UNTIL)
            .changesAllowed(changesAllowed)
            .secondEncoderRequired(secondEncoder)
            .build());
    return box;
  }

  private static Ballot approve(String... projects) {
    return Ballot.Approval.of(
        java.util.Arrays.stream(projects).map(ProjectId::of).toArray(ProjectId[]::new));
  }

  private static CastRequest online(ParticipantKey who, Ballot ballot) {
    return new CastRequest(BUDGET, who, ballot, Channel.online());
  }

  private static CastRequest desk(ParticipantKey who, Ballot ballot, StaffId encoder) {
    return new CastRequest(BUDGET, who, ballot, Channel.desk(encoder));
  }

  @Test
  public void anAcceptedBallotIsCountedAndItsReceiptVerifies() {
    BallotBox box = box(false, false);
    CastOutcome outcome = box.cast(online(TestKeys.person(1), approve("p1", "p2")));

    assertThat(outcome).isInstanceOf(CastOutcome.Accepted.class);
    assertThat(outcome.counted()).isTrue();
    ReceiptCode receipt = ((CastOutcome.Accepted) outcome).receipt();
    assertThat(box.check(BUDGET, receipt)).isEqualTo(new ReceiptCheck.Counted(approve("p1", "p2")));
    assertThat(box.countedBallots(BUDGET))
        .containsExactly(new CountedBallot(receipt.hash(), approve("p1", "p2")));
    assertThat(box.status(BUDGET, TestKeys.person(1)))
        .isEqualTo(new ParticipationStatus.Voted(ChannelKind.ONLINE));
    assertThat(box.status(BUDGET, TestKeys.person(2)))
        .isEqualTo(new ParticipationStatus.NotVoted());
    assertThat(box.check(BUDGET, ReceiptCode.random(new java.security.SecureRandom())))
        .isEqualTo(new ReceiptCheck.NotCounted());
  }

  @Test
  public void aSecondBallotIsRefusedWhenChangesAreNotAllowedWhateverTheChannel() {
    BallotBox box = box(false, false);
    box.cast(online(TestKeys.person(1), approve("p1")));

    assertThat(box.cast(desk(TestKeys.person(1), approve("p2"), ALICE)))
        .isEqualTo(new CastOutcome.AlreadyVoted(ChannelKind.ONLINE));
    assertThat(
            box.cast(
                new CastRequest(BUDGET, TestKeys.person(1), approve("p3"), Channel.booth("b1"))))
        .isEqualTo(new CastOutcome.AlreadyVoted(ChannelKind.ONLINE));
    assertThat(box.countedBallots(BUDGET))
        .extracting(CountedBallot::ballot)
        .containsExactly(approve("p1"));
  }

  @Test
  public void aChangedBallotReplacesThePreviousOneAndTheOldReceiptNoLongerVerifies() {
    BallotBox box = box(true, false);
    ReceiptCode first =
        ((CastOutcome.Accepted) box.cast(online(TestKeys.person(1), approve("p1")))).receipt();
    box.cast(online(TestKeys.person(2), approve("p9")));

    CastOutcome second = box.cast(desk(TestKeys.person(1), approve("p2"), ALICE));

    assertThat(second).isInstanceOf(CastOutcome.Replaced.class);
    ReceiptCode receipt = ((CastOutcome.Replaced) second).receipt();
    assertThat(box.check(BUDGET, first)).isEqualTo(new ReceiptCheck.NotCounted());
    assertThat(box.check(BUDGET, receipt)).isEqualTo(new ReceiptCheck.Counted(approve("p2")));
    assertThat(box.countedBallots(BUDGET))
        .extracting(CountedBallot::ballot)
        .containsExactlyInAnyOrder(approve("p2"), approve("p9"));
    assertThat(box.turnout(BUDGET).byChannel())
        .containsEntry(ChannelKind.DESK, 1L)
        .containsEntry(ChannelKind.ONLINE, 1L);
  }

  @Test
  public void nothingIsAcceptedBeforeTheOpeningNorOnlineAfterTheClose() {
    BallotBox box = box(true, false);
    clock.set(OPENS.minusSeconds(1));
    assertThat(box.cast(online(TestKeys.person(1), approve("p1"))))
        .isEqualTo(new CastOutcome.NotOpen(OPENS));
    clock.set(CLOSES);
    assertThat(box.cast(online(TestKeys.person(1), approve("p1"))))
        .isEqualTo(new CastOutcome.Closed(CLOSES));
    assertThat(box.countedBallots(BUDGET)).isEmpty();
  }

  @Test
  public void afterTheCloseStaffStillEncodePaperBallotsOfNonVotersButNeverReplace() {
    BallotBox box = box(true, false);
    box.cast(online(TestKeys.person(1), approve("p1")));
    clock.set(CLOSES.plus(Duration.ofHours(1)));

    assertThat(box.cast(desk(TestKeys.person(2), approve("p2"), ALICE)))
        .isInstanceOf(CastOutcome.Accepted.class);
    assertThat(box.cast(desk(TestKeys.person(1), approve("p3"), ALICE)))
        .isEqualTo(new CastOutcome.AlreadyVoted(ChannelKind.ONLINE));
    clock.set(DESK_UNTIL);
    assertThat(box.cast(desk(TestKeys.person(3), approve("p3"), ALICE)))
        .isEqualTo(new CastOutcome.Closed(DESK_UNTIL));
    assertThat(box.countedBallots(BUDGET))
        .extracting(CountedBallot::ballot)
        .containsExactlyInAnyOrder(approve("p1"), approve("p2"));
  }

  @Test
  public void aPaperBallotWaitsForASecondDifferentEncoderWhoMustReadTheSameBallot() {
    BallotBox box = box(false, true);
    ParticipantKey voter = TestKeys.person(1);
    CastOutcome first = box.cast(desk(voter, approve("p1", "p2"), ALICE));
    assertThat(first).isInstanceOf(CastOutcome.AwaitingSecondEncoder.class);
    assertThat(first.counted()).isFalse();
    PendingEncodingId pending = ((CastOutcome.AwaitingSecondEncoder) first).pending();
    assertThat(box.countedBallots(BUDGET)).isEmpty();
    assertThat(box.status(BUDGET, voter))
        .isEqualTo(new ParticipationStatus.AwaitingSecondEncoder(ALICE));
    assertThat(box.cast(online(voter, approve("p3"))))
        .isEqualTo(new CastOutcome.EncodingInProgress());

    assertThat(box.confirm(pending, ALICE, approve("p1", "p2")))
        .isEqualTo(new CastOutcome.SameEncoder(ALICE));
    assertThat(box.confirm(pending, BOB, approve("p1")))
        .isEqualTo(new CastOutcome.EncodingMismatch(pending));
    assertThat(box.countedBallots(BUDGET)).isEmpty();

    CastOutcome confirmed = box.confirm(pending, BOB, approve("p2", "p1"));
    assertThat(confirmed).isInstanceOf(CastOutcome.Confirmed.class);
    assertThat(((CastOutcome.Confirmed) confirmed).replacedPrevious()).isFalse();
    assertThat(box.countedBallots(BUDGET))
        .extracting(CountedBallot::ballot)
        .containsExactly(approve("p1", "p2"));
    assertThat(box.status(BUDGET, voter))
        .isEqualTo(new ParticipationStatus.Voted(ChannelKind.DESK));
    assertThat(box.confirm(pending, BOB, approve("p1", "p2")))
        .isEqualTo(new CastOutcome.UnknownEncoding(pending));
    assertThat(box.turnout(BUDGET).total()).isEqualTo(1);
  }

  @Test
  public void aDiscardedEncodingLeavesTheVoterFreeToVote() {
    BallotBox box = box(false, true);
    ParticipantKey voter = TestKeys.person(1);
    PendingEncodingId pending =
        ((CastOutcome.AwaitingSecondEncoder) box.cast(desk(voter, approve("p1"), ALICE))).pending();

    assertThat(box.discard(pending, BOB)).isEqualTo(new CastOutcome.Discarded(pending));
    assertThat(box.status(BUDGET, voter)).isEqualTo(new ParticipationStatus.NotVoted());
    assertThat(box.cast(online(voter, approve("p2")))).isInstanceOf(CastOutcome.Accepted.class);
    assertThat(box.discard(pending, BOB)).isEqualTo(new CastOutcome.UnknownEncoding(pending));
  }

  @Test
  public void aConfirmedPaperBallotReplacesAnOnlineOneWhenChangesAreAllowed() {
    BallotBox box = box(true, true);
    ParticipantKey voter = TestKeys.person(1);
    box.cast(online(voter, approve("p1")));
    PendingEncodingId pending =
        ((CastOutcome.AwaitingSecondEncoder) box.cast(desk(voter, approve("p2"), ALICE))).pending();
    // Until confirmed, the online ballot still counts.
    assertThat(box.countedBallots(BUDGET))
        .extracting(CountedBallot::ballot)
        .containsExactly(approve("p1"));

    CastOutcome confirmed = box.confirm(pending, BOB, approve("p2"));

    assertThat(((CastOutcome.Confirmed) confirmed).replacedPrevious()).isTrue();
    assertThat(box.countedBallots(BUDGET))
        .extracting(CountedBallot::ballot)
        .containsExactly(approve("p2"));
  }

  @Test
  public void aPendingReplacementConfirmedAfterTheCloseDoesNotReplaceAndSealingWaitsForPendings() {
    BallotBox box = box(true, true);
    ParticipantKey voter = TestKeys.person(1);
    box.cast(online(voter, approve("p1")));
    PendingEncodingId pending =
        ((CastOutcome.AwaitingSecondEncoder) box.cast(desk(voter, approve("p2"), ALICE))).pending();
    PendingEncodingId other =
        ((CastOutcome.AwaitingSecondEncoder)
                box.cast(desk(TestKeys.person(2), approve("p3"), ALICE)))
            .pending();
    clock.set(CLOSES.plusSeconds(60));

    assertThat(box.confirm(pending, BOB, approve("p2")))
        .isEqualTo(new CastOutcome.AlreadyVoted(ChannelKind.ONLINE));
    assertThat(box.confirm(pending, BOB, approve("p2")))
        .isEqualTo(new CastOutcome.UnknownEncoding(pending));
    assertThat(box.countedBallots(BUDGET))
        .extracting(CountedBallot::ballot)
        .containsExactly(approve("p1"));
    assertThat(box.status(BUDGET, voter))
        .isEqualTo(new ParticipationStatus.Voted(ChannelKind.ONLINE));

    clock.set(DESK_UNTIL);
    assertThatThrownBy(() -> box.seal(BUDGET))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("1 paper");
    assertThat(box.confirm(other, BOB, approve("p3")))
        .isEqualTo(new CastOutcome.Closed(DESK_UNTIL));
    assertThat(box.discard(other, BOB)).isEqualTo(new CastOutcome.Discarded(other));
    box.seal(BUDGET);
    assertThat(box.countedBallots(BUDGET)).hasSize(1);
  }

  @Test
  public void whatIsPublishedNamesNoVoterAndOnlyTheHashOfTheReceipt() {
    BallotBox box = box(true, false);
    ParticipantKey voter = TestKeys.person(1);
    ReceiptCode receipt = ((CastOutcome.Accepted) box.cast(online(voter, approve("p1")))).receipt();
    box.cast(online(voter, approve("p2")));
    box.cast(desk(TestKeys.person(2), approve("p3"), ALICE));

    String published = box.countedBallots(BUDGET).toString();
    assertThat(published)
        .doesNotContain(voter.digest())
        .doesNotContain(TestKeys.person(2).digest())
        .doesNotContain(receipt.value())
        .doesNotContain("alice")
        .doesNotContain("ONLINE")
        .doesNotContain("DESK");
    // A counted ballot is exactly a receipt hash and a ballot.
    assertThat(
            java.util.Arrays.stream(CountedBallot.class.getRecordComponents())
                .map(c -> c.getName()))
        .containsExactly("receipt", "ballot");
  }

  private static final Map<ProjectId, Money> ON_BALLOT =
      Map.of(
          ProjectId.of("p1"), Money.of(120_000, "EUR"),
          ProjectId.of("p2"), Money.of(97_000, "EUR"),
          ProjectId.of("p3"), Money.of(50_000, "EUR"));

  private static final BallotForm FORM =
      BallotForm.builder(BallotKind.APPROVAL)
          .projects(1, 3)
          .maxTotalCost(Money.of(200_000, "EUR"))
          .build();

  private BallotBox boxWithForm() {
    BallotBox box = createBox(clock);
    box.open(
        VoteSettings.builder(BUDGET)
            .opens(OPENS)
            .closes(CLOSES)
            .deskEncodingUntil(DESK_UNTIL)
            .form(FORM)
            .build());
    return box;
  }

  @Test
  public void aBallotThatBreaksTheFormIsRefusedWithEveryReasonOnEveryChannelAndNothingIsStored() {
    BallotBox box = boxWithForm();
    for (Channel channel : List.of(Channel.online(), Channel.desk(ALICE))) {
      CastOutcome over =
          box.cast(
              new CastRequest(
                  BUDGET, TestKeys.person(1), approve("p1", "p2", "p9"), channel, ON_BALLOT));
      assertThat(over).isInstanceOf(CastOutcome.Invalid.class);
      assertThat(((CastOutcome.Invalid) over).problems())
          .extracting(BallotProblem::code)
          .containsExactlyInAnyOrder("ballot.unknownProject", "ballot.overBasket");
      CastOutcome empty =
          box.cast(new CastRequest(BUDGET, TestKeys.person(1), approve(), channel, ON_BALLOT));
      assertThat(((CastOutcome.Invalid) empty).problems())
          .extracting(BallotProblem::code)
          .containsExactly("ballot.tooFewProjects");
      CastOutcome wrongKind =
          box.cast(
              new CastRequest(
                  BUDGET,
                  TestKeys.person(1),
                  new Ballot.Cumulative(Map.of(ProjectId.of("p1"), 3)),
                  channel,
                  ON_BALLOT));
      assertThat(((CastOutcome.Invalid) wrongKind).problems())
          .extracting(BallotProblem::code)
          .containsExactly("ballot.wrongKind");
    }
    assertThat(box.turnout(BUDGET).total()).isZero();
    assertThat(box.status(BUDGET, TestKeys.person(1)))
        .isEqualTo(new ParticipationStatus.NotVoted());
    CastOutcome valid =
        box.cast(
            new CastRequest(
                BUDGET, TestKeys.person(1), approve("p2", "p3"), Channel.online(), ON_BALLOT));
    assertThat(valid.counted()).isTrue();
  }

  @Test
  public void theSettingsAndFormMayChangeUntilTheFirstBallotAndNeverAfter() {
    BallotBox box = box(false, false);
    VoteSettings withForm =
        VoteSettings.builder(BUDGET)
            .opens(OPENS)
            .closes(CLOSES)
            .deskEncodingUntil(DESK_UNTIL)
            .form(FORM)
            .build();
    box.open(withForm);
    assertThat(box.settings(BUDGET)).contains(withForm);
    box.cast(
        new CastRequest(BUDGET, TestKeys.person(1), approve("p1"), Channel.online(), ON_BALLOT));
    VoteSettings otherForm =
        withForm.withForm(BallotForm.builder(BallotKind.APPROVAL).projects(0, 1).build());
    assertThatThrownBy(() -> box.open(otherForm))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(BUDGET.value());
    box.open(withForm);
    assertThat(box.settings(BUDGET)).contains(withForm);
  }

  private VoteChange change(Instant closes, Instant desk, String reason) {
    return new VoteChange(closes, desk, reason, "administrator", clock.instant(), null);
  }

  @Test
  public void staffMayCloseAVoteEarlyAndExtendItButNotOnceItIsFinished() {
    BallotBox box = box(false, false);
    Instant early = clock.instant().plusSeconds(3_600);
    VoteSettings closedEarly =
        box.reschedule(BUDGET, change(early, early.plusSeconds(3_600), "Decided by the council."));
    assertThat(closedEarly.closesAt()).isEqualTo(early);
    assertThat(box.settings(BUDGET)).contains(closedEarly);
    clock.set(early.plusSeconds(60));
    assertThat(box.cast(online(TestKeys.person(1), approve("p1"))))
        .isEqualTo(new CastOutcome.Closed(early));
    Instant extended = early.plusSeconds(86_400);
    box.reschedule(BUDGET, change(extended, extended, "The portal was down."));
    assertThat(box.cast(online(TestKeys.person(1), approve("p1"))).counted()).isTrue();
    assertThatThrownBy(
            () -> box.reschedule(BUDGET, change(early.minusSeconds(7_200), extended, "No.")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CLOSE_IN_THE_PAST");
    clock.set(extended);
    assertThatThrownBy(
            () ->
                box.reschedule(
                    BUDGET, change(extended.plusSeconds(60), extended.plusSeconds(60), "Late.")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("FINISHED");
    assertThat(box.turnout(BUDGET).total()).isEqualTo(1);
    List<VoteChange> changes = box.changes(BUDGET);
    assertThat(changes)
        .extracting(VoteChange::reason)
        .containsExactly("Decided by the council.", "The portal was down.");
    assertThat(changes.get(0).previousClosesAt()).isEqualTo(CLOSES);
    assertThat(changes.get(0).closesEarly()).isTrue();
    assertThat(changes.get(1).previousClosesAt()).isEqualTo(early);
    assertThat(changes.get(1).closesEarly()).isFalse();
  }

  @Test
  public void programmingErrorsThrowWithTheBadValueNamed() {
    BallotBox box = box(false, false);
    assertThatThrownBy(
            () ->
                box.cast(
                    new CastRequest(
                        BudgetId.of("nope"), TestKeys.person(1), approve("p1"), Channel.online())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
    box.cast(online(TestKeys.person(1), approve("p1")));
    assertThatThrownBy(
            () ->
                box.open(
                    VoteSettings.builder(BUDGET)
                        .opens(OPENS)
                        .closes(CLOSES)
                        .changesAllowed(true)
                        .build()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(BUDGET.value());
    box.open(
        VoteSettings.builder(BUDGET)
            .opens(OPENS)
            .closes(CLOSES)
            .deskEncodingUntil(DESK_UNTIL)
            .build());
  }

  @Test
  public void countedBallotsAreOrderedByReceiptHashAndSealingKeepsReceiptsWorking() {
    BallotBox box = box(true, false);
    List<ReceiptCode> receipts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      CastOutcome outcome = box.cast(online(TestKeys.person(i), approve("p" + i)));
      receipts.add(((CastOutcome.Accepted) outcome).receipt());
    }
    assertThat(box.countedBallots(BUDGET)).extracting(CountedBallot::receipt).isSorted();
    assertThatThrownBy(() -> box.seal(BUDGET)).isInstanceOf(IllegalStateException.class);

    clock.set(DESK_UNTIL);
    box.seal(BUDGET);
    box.seal(BUDGET);

    for (int i = 0; i < 20; i++) {
      assertThat(box.check(BUDGET, receipts.get(i)))
          .isEqualTo(new ReceiptCheck.Counted(approve("p" + i)));
    }
    assertThat(box.countedBallots(BUDGET)).hasSize(20);
    assertThat(box.turnout(BUDGET).total()).isEqualTo(20);
  }

  @ParameterizedTest(name = "changes allowed: {0}")
  @ValueSource(booleans = {false, true})
  public void manyThreadsCastingForOneParticipantLeaveExactlyOneCountedBallot(
      boolean changesAllowed) throws Exception {
    for (int round = 0; round < 10; round++) {
      startClock();
      BallotBox box = box(changesAllowed, false);
      int threads = 8;
      int castsPerThread = 25;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<CastOutcome>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  List<CastOutcome> outcomes = new ArrayList<>();
                  for (int c = 0; c < castsPerThread; c++) {
                    Channel channel =
                        switch ((thread + c) % 3) {
                          case 0 -> Channel.online();
                          case 1 -> Channel.desk(StaffId.of("staff-" + thread));
                          default -> Channel.booth("booth-" + thread);
                        };
                    outcomes.add(
                        box.cast(
                            new CastRequest(
                                BUDGET,
                                TestKeys.person(42),
                                approve("t" + thread + "c" + c),
                                channel)));
                  }
                  return outcomes;
                }));
      }
      start.countDown();
      List<CastOutcome> all = new ArrayList<>();
      for (Future<List<CastOutcome>> future : futures) {
        all.addAll(future.get(60, TimeUnit.SECONDS));
      }
      pool.shutdown();

      List<CountedBallot> counted = box.countedBallots(BUDGET);
      assertThat(counted).hasSize(1);
      assertThat(box.turnout(BUDGET).total()).isEqualTo(1);
      long accepted = all.stream().filter(o -> o instanceof CastOutcome.Accepted).count();
      long replaced = all.stream().filter(o -> o instanceof CastOutcome.Replaced).count();
      long refused = all.stream().filter(o -> o instanceof CastOutcome.AlreadyVoted).count();
      assertThat(accepted).isEqualTo(1);
      if (changesAllowed) {
        assertThat(replaced).isEqualTo(threads * castsPerThread - 1L);
        // The counted ballot is the one of the last replacement; its receipt verifies.
        long verifying =
            all.stream()
                .filter(CastOutcome::counted)
                .map(
                    o ->
                        o instanceof CastOutcome.Accepted a
                            ? a.receipt()
                            : ((CastOutcome.Replaced) o).receipt())
                .filter(r -> box.check(BUDGET, r) instanceof ReceiptCheck.Counted)
                .count();
        assertThat(verifying).isEqualTo(1);
      } else {
        assertThat(refused).isEqualTo(threads * castsPerThread - 1L);
      }
    }
  }

  @Test
  public void manyThreadsCastingForDistinctParticipantsAreAllCounted() throws Exception {
    BallotBox box = box(false, false);
    int threads = 8;
    int perThread = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Long>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      futures.add(
          pool.submit(
              () -> {
                start.await();
                long accepted = 0;
                for (int i = 0; i < perThread; i++) {
                  // Each participant is cast twice, by two threads: exactly one must count.
                  int person = (thread / 2) * perThread + i;
                  if (box.cast(online(TestKeys.person(person), approve("p" + person)))
                      instanceof CastOutcome.Accepted) {
                    accepted++;
                  }
                }
                return accepted;
              }));
    }
    start.countDown();
    long accepted = 0;
    for (Future<Long> future : futures) {
      accepted += future.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    int people = threads / 2 * perThread;
    assertThat(accepted).isEqualTo(people);
    assertThat(box.countedBallots(BUDGET)).hasSize(people);
    assertThat(box.turnout(BUDGET).byChannel()).containsEntry(ChannelKind.ONLINE, (long) people);
  }

  /**
   * Random sequences of casts, confirmations and discards over a few participants, compared with a
   * plain model of the rules (fixed seeds).
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  public void randomSequencesMatchAPlainModel(long seed) {
    Random random = new Random(seed);
    boolean changesAllowed = random.nextBoolean();
    boolean secondEncoder = random.nextBoolean();
    BallotBox box = box(changesAllowed, secondEncoder);
    Map<ParticipantKey, Ballot> model = new HashMap<>();
    Map<ParticipantKey, PendingEncodingId> pendings = new HashMap<>();
    Map<PendingEncodingId, Ballot> pendingBallots = new HashMap<>();
    for (int step = 0; step < 300; step++) {
      ParticipantKey who = TestKeys.person(random.nextInt(6));
      Ballot ballot = approve("p" + random.nextInt(10));
      int action = random.nextInt(4);
      if (action == 3 && pendings.containsKey(who)) {
        PendingEncodingId id = pendings.remove(who);
        if (random.nextBoolean()) {
          assertThat(box.confirm(id, BOB, pendingBallots.get(id)))
              .isInstanceOf(CastOutcome.Confirmed.class);
          model.put(who, pendingBallots.remove(id));
        } else {
          assertThat(box.discard(id, BOB)).isEqualTo(new CastOutcome.Discarded(id));
        }
        continue;
      }
      boolean isDesk = action == 1;
      CastRequest request = isDesk ? desk(who, ballot, ALICE) : online(who, ballot);
      CastOutcome outcome = box.cast(request);
      if (pendings.containsKey(who)) {
        assertThat(outcome).isEqualTo(new CastOutcome.EncodingInProgress());
      } else if (model.containsKey(who) && !changesAllowed) {
        assertThat(outcome).isInstanceOf(CastOutcome.AlreadyVoted.class);
      } else if (isDesk && secondEncoder) {
        PendingEncodingId id = ((CastOutcome.AwaitingSecondEncoder) outcome).pending();
        pendings.put(who, id);
        pendingBallots.put(id, ballot);
      } else {
        assertThat(outcome)
            .isInstanceOf(
                model.containsKey(who) ? CastOutcome.Replaced.class : CastOutcome.Accepted.class);
        model.put(who, ballot);
      }
      assertThat(box.countedBallots(BUDGET))
          .extracting(CountedBallot::ballot)
          .containsExactlyInAnyOrderElementsOf(model.values());
      assertThat(box.turnout(BUDGET).total()).isEqualTo(model.size());
    }
  }
}
