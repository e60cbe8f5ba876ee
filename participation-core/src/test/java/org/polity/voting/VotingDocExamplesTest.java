package org.polity.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polity.ballot.Ballot;
import org.polity.ballot.BallotForm;
import org.polity.ballot.BallotKind;
import org.polity.common.BudgetId;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.identity.ParticipantKey;
import org.polity.testing.MutableClock;
import org.polity.testing.TestKeys;

/** The voting examples of docs/eligibility.md and docs/voting.md, run as written there. */
class VotingDocExamplesTest {

  @Test
  void onePersonOneVoteAcrossChannels() {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-10T12:00:00Z"));
    ParticipantKey anne = TestKeys.person(1);
    ParticipantKey bruno = TestKeys.person(2);
    // --- docs: voting example
    BallotBox box = new InMemoryBallotBox(clock, new java.security.SecureRandom());
    BudgetId budget = BudgetId.of("auderghem-2026");
    box.open(
        VoteSettings.builder(budget)
            .opens(Instant.parse("2026-05-01T08:00:00Z"))
            .closes(Instant.parse("2026-05-31T20:00:00Z"))
            .changesAllowed(true)
            .secondEncoderRequired(true)
            .build());

    // Anne votes online, then changes her mind: the latest ballot counts.
    CastOutcome first =
        box.cast(
            new CastRequest(
                budget, anne, Ballot.Approval.of(ProjectId.of("p1")), Channel.online()));
    CastOutcome second =
        box.cast(
            new CastRequest(
                budget, anne, Ballot.Approval.of(ProjectId.of("p2")), Channel.online()));
    ReceiptCode receipt = ((CastOutcome.Replaced) second).receipt(); // given to Anne, not stored

    // Bruno's paper ballot is encoded by Alice, then confirmed by Bob.
    Ballot paper = Ballot.Approval.of(ProjectId.of("p1"), ProjectId.of("p3"));
    CastOutcome pending =
        box.cast(new CastRequest(budget, bruno, paper, Channel.desk(StaffId.of("alice"))));
    PendingEncodingId id = ((CastOutcome.AwaitingSecondEncoder) pending).pending();
    CastOutcome confirmed = box.confirm(id, StaffId.of("bob"), paper);

    box.check(budget, receipt); // Counted[ballot=Approval[projects=[p2]]]
    box.countedBallots(budget); // two ballots, each with a receipt hash, no voter
    // --- end
    assertThat(first).isInstanceOf(CastOutcome.Accepted.class);
    assertThat(confirmed).isInstanceOf(CastOutcome.Confirmed.class);
    assertThat(box.check(budget, receipt))
        .isEqualTo(new ReceiptCheck.Counted(Ballot.Approval.of(ProjectId.of("p2"))));
    assertThat(box.countedBallots(budget))
        .extracting(CountedBallot::ballot)
        .containsExactlyInAnyOrder(Ballot.Approval.of(ProjectId.of("p2")), paper);
  }

  @Test
  void aBallotFormAndAMoveOfTheClose() {
    MutableClock clock = new MutableClock(Instant.parse("2026-05-10T12:00:00Z"));
    ParticipantKey anne = TestKeys.person(1);
    // --- docs: ballot form example
    BallotBox box = new InMemoryBallotBox(clock, new java.security.SecureRandom());
    BudgetId city = BudgetId.of("city-2026");
    box.open(
        VoteSettings.builder(city)
            .opens(Instant.parse("2026-05-01T08:00:00Z"))
            .closes(Instant.parse("2026-05-31T20:00:00Z"))
            .form(
                BallotForm.builder(BallotKind.APPROVAL)
                    .projects(1, 5)
                    .maxTotalCost(Money.of(200_000, "EUR"))
                    .build())
            .build());
    // The projects on the city's ballot and their costs (the adapter reads them from the process).
    Map<ProjectId, Money> onBallot =
        Map.of(
            ProjectId.of("p1"), Money.of(120_000, "EUR"),
            ProjectId.of("p2"), Money.of(97_000, "EUR"));

    CastOutcome refused =
        box.cast(
            new CastRequest(
                city,
                anne,
                Ballot.Approval.of(ProjectId.of("p1"), ProjectId.of("p2"), ProjectId.of("p9")),
                Channel.online(),
                onBallot));
    // Invalid[problems=[ballot.unknownProject p9, ballot.overBasket 217000 > 200000]]
    ((CastOutcome.Invalid) refused).problems().get(0).text(java.util.Locale.FRENCH);

    // The portal was down on the last evening: staff extend the vote by a day.
    box.reschedule(
        city,
        new VoteChange(
            Instant.parse("2026-06-01T20:00:00Z"),
            Instant.parse("2026-06-01T20:00:00Z"),
            "The portal was down on 31 May from 18:00.",
            "administrator",
            clock.instant(),
            null));
    box.changes(city); // [VoteChange[closesAt=2026-06-01T20:00:00Z, ..., previousClosesAt=...]]
    // --- end
    assertThat(((CastOutcome.Invalid) refused).problems())
        .extracting(org.polity.ballot.BallotProblem::code)
        .containsExactly("ballot.unknownProject", "ballot.overBasket");
    assertThat(box.settings(city).orElseThrow().closesAt())
        .isEqualTo(Instant.parse("2026-06-01T20:00:00Z"));
    assertThat(box.changes(city).get(0).previousClosesAt())
        .isEqualTo(Instant.parse("2026-05-31T20:00:00Z"));
  }
}
