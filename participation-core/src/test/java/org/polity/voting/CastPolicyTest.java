package org.polity.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.polity.common.BudgetId;
import org.polity.testing.TestKeys;

/** Every branch of {@link CastPolicy}, the one decision whether a ballot is accepted. */
class CastPolicyTest {

  static final Instant OPENS = Instant.parse("2026-05-01T08:00:00Z");
  static final Instant CLOSES = Instant.parse("2026-05-31T20:00:00Z");
  static final Instant DESK_UNTIL = Instant.parse("2026-06-02T16:00:00Z");
  static final Instant DURING = Instant.parse("2026-05-10T12:00:00Z");
  static final Instant AFTER_CLOSE = Instant.parse("2026-06-01T10:00:00Z");
  static final StaffId ALICE = StaffId.of("alice");
  static final StaffId BOB = StaffId.of("bob");
  static final PendingEncodingId PENDING = new PendingEncodingId("pending-1");

  static VoteSettings settings(boolean changesAllowed, boolean secondEncoder) {
    return VoteSettings.builder(BudgetId.of("pb"))
        .opens(OPENS)
        .closes(CLOSES)
        .deskEncodingUntil(DESK_UNTIL)
        .changesAllowed(changesAllowed)
        .secondEncoderRequired(secondEncoder)
        .build();
  }

  static final VoteSettings ONCE = settings(false, false);
  static final VoteSettings CHANGES = settings(true, false);
  static final VoteSettings TWO_ENCODERS = settings(false, true);

  @Nested
  class ACast {

    @Test
    void beforeTheOpeningIsRefusedOnEveryChannel() {
      Instant early = OPENS.minusMillis(1);
      for (Channel channel : new Channel[] {Channel.online(), Channel.desk(ALICE)}) {
        assertThat(CastPolicy.decide(ONCE, early, channel, ExistingParticipation.NONE))
            .isEqualTo(new CastDecision.Refuse(new CastOutcome.NotOpen(OPENS)));
      }
    }

    @Test
    void theOpeningInstantIsOpen() {
      assertThat(CastPolicy.decide(ONCE, OPENS, Channel.online(), ExistingParticipation.NONE))
          .isEqualTo(CastDecision.FIRST);
    }

    @Test
    void onlineAndBoothBallotsAreRefusedFromTheClose() {
      for (Channel channel : new Channel[] {Channel.online(), Channel.booth("town-hall-1")}) {
        assertThat(CastPolicy.decide(ONCE, CLOSES, channel, ExistingParticipation.NONE))
            .isEqualTo(new CastDecision.Refuse(new CastOutcome.Closed(CLOSES)));
      }
    }

    @Test
    void deskBallotsAreAcceptedAfterTheCloseUntilDeskEncodingEnds() {
      assertThat(
              CastPolicy.decide(ONCE, AFTER_CLOSE, Channel.desk(ALICE), ExistingParticipation.NONE))
          .isEqualTo(CastDecision.FIRST);
      assertThat(
              CastPolicy.decide(ONCE, DESK_UNTIL, Channel.desk(ALICE), ExistingParticipation.NONE))
          .isEqualTo(new CastDecision.Refuse(new CastOutcome.Closed(DESK_UNTIL)));
    }

    @Test
    void aPendingPaperEncodingRefusesEveryOtherBallot() {
      ExistingParticipation pending = new ExistingParticipation(null, true);
      assertThat(CastPolicy.decide(CHANGES, DURING, Channel.online(), pending))
          .isEqualTo(new CastDecision.Refuse(new CastOutcome.EncodingInProgress()));
      assertThat(
              CastPolicy.decide(
                  CHANGES,
                  DURING,
                  Channel.desk(ALICE),
                  new ExistingParticipation(ChannelKind.ONLINE, true)))
          .isEqualTo(new CastDecision.Refuse(new CastOutcome.EncodingInProgress()));
    }

    @Test
    void aCountedBallotIsNotReplacedWithoutChanges() {
      assertThat(
              CastPolicy.decide(
                  ONCE,
                  DURING,
                  Channel.desk(ALICE),
                  ExistingParticipation.voted(ChannelKind.ONLINE)))
          .isEqualTo(new CastDecision.Refuse(new CastOutcome.AlreadyVoted(ChannelKind.ONLINE)));
    }

    @Test
    void aCountedBallotIsReplacedWithChangesUntilTheClose() {
      assertThat(
              CastPolicy.decide(
                  CHANGES, DURING, Channel.online(), ExistingParticipation.voted(ChannelKind.DESK)))
          .isEqualTo(CastDecision.REPLACEMENT);
      assertThat(
              CastPolicy.decide(
                  CHANGES,
                  AFTER_CLOSE,
                  Channel.desk(ALICE),
                  ExistingParticipation.voted(ChannelKind.ONLINE)))
          .isEqualTo(new CastDecision.Refuse(new CastOutcome.AlreadyVoted(ChannelKind.ONLINE)));
    }

    @Test
    void aDeskBallotWaitsForASecondEncoderWhenRequiredButAnOnlineOneDoesNot() {
      assertThat(
              CastPolicy.decide(
                  TWO_ENCODERS, DURING, Channel.desk(ALICE), ExistingParticipation.NONE))
          .isSameAs(CastDecision.AWAIT_SECOND_ENCODER);
      assertThat(
              CastPolicy.decide(TWO_ENCODERS, DURING, Channel.online(), ExistingParticipation.NONE))
          .isSameAs(CastDecision.FIRST);
    }

    @Test
    void aReplacingDeskBallotAlsoWaitsForASecondEncoder() {
      VoteSettings both = settings(true, true);
      assertThat(
              CastPolicy.decide(
                  both,
                  DURING,
                  Channel.desk(ALICE),
                  ExistingParticipation.voted(ChannelKind.ONLINE)))
          .isSameAs(CastDecision.AWAIT_SECOND_ENCODER);
    }

    @Test
    void theWindowIsCheckedBeforeTheParticipation() {
      assertThat(
              CastPolicy.decide(
                  ONCE,
                  CLOSES,
                  Channel.online(),
                  new ExistingParticipation(ChannelKind.DESK, true)))
          .isEqualTo(new CastDecision.Refuse(new CastOutcome.Closed(CLOSES)));
    }
  }

  @Nested
  class AConfirmation {

    CastDecision confirm(
        VoteSettings settings,
        Instant now,
        StaffId second,
        boolean sameReading,
        ExistingParticipation existing) {
      return CastPolicy.decideConfirmation(
          settings, now, PENDING, ALICE, second, sameReading, existing);
    }

    @Test
    void byTheFirstEncoderIsRefused() {
      assertThat(confirm(TWO_ENCODERS, DURING, ALICE, true, ExistingParticipation.NONE))
          .isEqualTo(new CastDecision.Refuse(new CastOutcome.SameEncoder(ALICE)));
    }

    @Test
    void ofADifferentReadingIsRefused() {
      assertThat(confirm(TWO_ENCODERS, DURING, BOB, false, ExistingParticipation.NONE))
          .isEqualTo(new CastDecision.Refuse(new CastOutcome.EncodingMismatch(PENDING)));
    }

    @Test
    void afterDeskEncodingIsRefusedAndTheEncodingStays() {
      assertThat(confirm(TWO_ENCODERS, DESK_UNTIL, BOB, true, ExistingParticipation.NONE))
          .isEqualTo(new CastDecision.Refuse(new CastOutcome.Closed(DESK_UNTIL)));
    }

    @Test
    void countsTheBallotOfANonVoterAfterTheClose() {
      assertThat(confirm(TWO_ENCODERS, AFTER_CLOSE, BOB, true, ExistingParticipation.NONE))
          .isEqualTo(CastDecision.FIRST);
    }

    @Test
    void replacesACountedBallotWhileChangesAreAllowed() {
      assertThat(
              confirm(
                  settings(true, true),
                  DURING,
                  BOB,
                  true,
                  ExistingParticipation.voted(ChannelKind.ONLINE)))
          .isEqualTo(CastDecision.REPLACEMENT);
    }

    @Test
    void withdrawsAReplacementThatCanNoLongerCount() {
      assertThat(
              confirm(
                  settings(true, true),
                  AFTER_CLOSE,
                  BOB,
                  true,
                  ExistingParticipation.voted(ChannelKind.ONLINE)))
          .isEqualTo(new CastDecision.Withdraw(new CastOutcome.AlreadyVoted(ChannelKind.ONLINE)));
    }
  }

  @Test
  void replacementIsAllowedOnlyWithChangesAndBeforeTheClose() {
    assertThat(CastPolicy.mayReplace(CHANGES, DURING)).isTrue();
    assertThat(CastPolicy.mayReplace(CHANGES, CLOSES)).isFalse();
    assertThat(CastPolicy.mayReplace(ONCE, DURING)).isFalse();
  }

  @Test
  void aVoteIsFinishedWhenDeskEncodingEnds() {
    assertThat(ONCE.finishedAt(AFTER_CLOSE)).isFalse();
    assertThat(ONCE.finishedAt(DESK_UNTIL)).isTrue();
  }

  @Test
  void aDecisionRefusesOnlyWithARefusal() {
    assertThatThrownBy(() -> new CastDecision.Refuse(new CastOutcome.Discarded(PENDING)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a refusal");
    assertThatThrownBy(() -> new CastDecision.Withdraw(null))
        .isInstanceOf(NullPointerException.class);
    assertThat(ExistingParticipation.voted(ChannelKind.BOOTH).countedChannel())
        .contains(ChannelKind.BOOTH);
    assertThat(ExistingParticipation.none().countedChannel()).isEmpty();
    assertThatThrownBy(() -> ExistingParticipation.voted(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Nested
  class TheBallotForm {
    final VoteSettings withForm =
        ONCE.withForm(
            org.polity.ballot.BallotForm.builder(org.polity.ballot.BallotKind.APPROVAL)
                .projects(1, 2)
                .maxTotalCost(org.polity.common.Money.of(100, "EUR"))
                .build());
    final java.util.Map<org.polity.common.ProjectId, org.polity.common.Money> projects =
        java.util.Map.of(
            org.polity.common.ProjectId.of("a"), org.polity.common.Money.of(60, "EUR"),
            org.polity.common.ProjectId.of("b"), org.polity.common.Money.of(60, "EUR"));

    CastRequest request(org.polity.ballot.Ballot ballot, Channel channel) {
      return new CastRequest(ONCE.budget(), TestKeys.person(1), ballot, channel, projects);
    }

    @Test
    void isCheckedAfterTheWindowAndBeforeTheParticipationWithEveryReason() {
      org.polity.ballot.Ballot overBasket =
          org.polity.ballot.Ballot.Approval.of(
              org.polity.common.ProjectId.of("a"),
              org.polity.common.ProjectId.of("b"),
              org.polity.common.ProjectId.of("c"));
      CastDecision decision =
          CastPolicy.decide(
              withForm,
              DURING,
              request(overBasket, Channel.desk(ALICE)),
              ExistingParticipation.voted(ChannelKind.ONLINE));
      assertThat(decision).isInstanceOf(CastDecision.Refuse.class);
      CastOutcome.Invalid invalid =
          (CastOutcome.Invalid) ((CastDecision.Refuse) decision).refusal();
      assertThat(invalid.problems())
          .extracting(org.polity.ballot.BallotProblem::code)
          .containsExactlyInAnyOrder(
              "ballot.unknownProject", "ballot.tooManyProjects", "ballot.overBasket");
      assertThat(
              CastPolicy.decide(
                  withForm,
                  AFTER_CLOSE,
                  request(overBasket, Channel.online()),
                  ExistingParticipation.NONE))
          .isEqualTo(new CastDecision.Refuse(new CastOutcome.Closed(CLOSES)));
      assertThat(
              CastPolicy.decide(
                  withForm,
                  DURING,
                  request(
                      org.polity.ballot.Ballot.Approval.of(org.polity.common.ProjectId.of("a")),
                      Channel.online()),
                  ExistingParticipation.NONE))
          .isSameAs(CastDecision.FIRST);
    }

    @Test
    void aVoteWithoutAFormChecksNoForm() {
      assertThat(
              CastPolicy.decide(
                  ONCE,
                  DURING,
                  request(org.polity.ballot.Ballot.Approval.of(), Channel.online()),
                  ExistingParticipation.NONE))
          .isSameAs(CastDecision.FIRST);
    }
  }

  @Nested
  class Rescheduling {
    @Test
    void closingEarlyAndExtendingAreAllowedUntilDeskEncodingEnds() {
      Instant soon = DURING.plusSeconds(60);
      assertThat(CastPolicy.rescheduling(ONCE, DURING, soon, soon)).isEmpty();
      assertThat(
              CastPolicy.rescheduling(
                  ONCE, AFTER_CLOSE, DESK_UNTIL.plusSeconds(1), DESK_UNTIL.plusSeconds(1)))
          .isEmpty();
      assertThat(CastPolicy.rescheduling(ONCE, DURING, DURING.minusSeconds(1), DESK_UNTIL))
          .contains(CastPolicy.Rescheduling.CLOSE_IN_THE_PAST);
      assertThat(CastPolicy.rescheduling(ONCE, DURING, DESK_UNTIL, soon))
          .contains(CastPolicy.Rescheduling.DESK_BEFORE_CLOSE);
      assertThat(
              CastPolicy.rescheduling(
                  ONCE, DESK_UNTIL, DESK_UNTIL.plusSeconds(60), DESK_UNTIL.plusSeconds(60)))
          .contains(CastPolicy.Rescheduling.FINISHED);
    }
  }
}
