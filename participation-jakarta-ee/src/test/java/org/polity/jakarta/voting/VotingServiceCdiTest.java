package org.polity.jakarta.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.common.ProjectId;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.config.SettingsProducer;
import org.polity.jakarta.eligibility.EligibilityService;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.ProcessStore;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.voting.CastOutcome;
import org.polity.voting.Channel;
import org.polity.voting.ChannelKind;
import org.polity.voting.ParticipationStatus;
import org.polity.voting.ReceiptCheck;
import org.polity.voting.ReceiptCode;
import org.polity.voting.VoteChange;
import org.polity.voting.VoteSettings;

/**
 * The voting service in an Arquillian deployment on the Weld embedded container, called as a host
 * portal's code calls it: no HTTP, outcomes and refusals as values, on a clock the test moves.
 */
@ExtendWith(ArquillianExtension.class)
class VotingServiceCdiTest {

  static {
    System.setProperty("polity.mode", "development");
    System.setProperty("polity.database.url", "jdbc:h2:mem:arquillian;DB_CLOSE_DELAY=-1");
  }

  static final Instant NOW = Instant.parse("2026-05-10T12:00:00Z");
  static final Locale FR = Locale.FRENCH;

  @Deployment
  static JavaArchive deployment() {
    return ShrinkWrap.create(JavaArchive.class)
        .addClasses(
            org.polity.jakarta.Capabilities.class,
            org.polity.jakarta.voting.VotingCapability.class,
            org.polity.jakarta.process.ProcessCapability.class,
            org.polity.jakarta.project.ProjectCapability.class,
            org.polity.jakarta.results.ResultsCapability.class,
            org.polity.jakarta.cartography.CartographyCapability.class,
            org.polity.jakarta.eligibility.EligibilityCapability.class,
            SettingsProducer.class,
            PolitySettings.class,
            PolityDatabase.class,
            VotingProducer.class,
            TestClockProducer.class,
            VotingService.class,
            EligibilityService.class,
            Processes.class,
            ProcessStore.class,
            Plugins.class,
            HostVotingPage.class,
            BallotCastRecorder.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject VotingService voting;
  @Inject HostVotingPage page;
  @Inject BallotCastRecorder recorder;

  @AfterAll
  static void clearProperties() {
    System.clearProperty("polity.mode");
    System.clearProperty("polity.database.url");
  }

  static Caller as(String name, PolityRole... roles) {
    Principal user = () -> name;
    return Caller.of(user, Set.of(roles));
  }

  static final Caller ADA = as("ada", PolityRole.ADMINISTRATOR);
  static final Caller RITA = as("rita", PolityRole.REVIEWER, PolityRole.STAFF);

  static Ballot approve(String project) {
    return Ballot.Approval.of(ProjectId.of(project));
  }

  /** Declares a vote on a fresh budget, the clock back at {@link #NOW}. */
  BudgetId declare(String name, boolean changes, boolean secondEncoder) {
    TestClockProducer.CLOCK.set(NOW);
    BudgetId budget = BudgetId.of(name + "-" + Long.toHexString(System.nanoTime()));
    VoteSettings settings =
        VoteSettings.builder(budget)
            .opens(NOW.minusSeconds(3600))
            .closes(NOW.plus(Duration.ofDays(1)))
            .deskEncodingUntil(NOW.plus(Duration.ofDays(2)))
            .changesAllowed(changes)
            .secondEncoderRequired(secondEncoder)
            .build();
    assertThat(voting.declare(ADA, settings).orElseThrow()).isEqualTo(settings);
    assertThat(voting.declare(ADA, settings).orElseThrow()).isEqualTo(settings);
    return budget;
  }

  static Refusal refusal(Result<?> result) {
    return result.refusal().orElseThrow(() -> new AssertionError("Not refused: " + result));
  }

  @Test
  void staffCloseAVoteEarlyOrExtendItWithAReasonKeptInTheHistoryAndAnnounced() {
    BudgetId budget = declare("moves", false, false);
    recorder.rescheduled().clear();
    Instant early = NOW.plusSeconds(600);
    VoteSettings closed =
        voting
            .reschedule(ADA, budget, Optional.of(early), Optional.empty(), "Council decision.")
            .orElseThrow();
    assertThat(closed.closesAt()).isEqualTo(early);
    // closing early keeps the planned end of desk encoding
    assertThat(closed.deskEncodingUntil()).isEqualTo(NOW.plus(Duration.ofDays(2)));
    assertThat(recorder.rescheduled()).hasSize(1);
    VoteRescheduled announced = recorder.rescheduled().get(0);
    assertThat(announced.budget()).isEqualTo(budget);
    assertThat(announced.change().closesEarly()).isTrue();
    assertThat(announced.change().by()).isEqualTo("administrator");
    assertThat(announced.change().reason()).isEqualTo("Council decision.");

    Instant later = NOW.plus(Duration.ofDays(3));
    VoteSettings extended =
        voting
            .reschedule(ADA, budget, Optional.of(later), Optional.empty(), "Outage.")
            .orElseThrow();
    // extending keeps the distance between the close and the end of desk encoding
    assertThat(extended.deskEncodingUntil())
        .isEqualTo(later.plus(Duration.between(early, NOW.plus(Duration.ofDays(2)))));
    assertThat(voting.changes(budget).orElseThrow())
        .extracting(VoteChange::reason)
        .containsExactly("Council decision.", "Outage.");
    assertThat(
            refusal(voting.reschedule(RITA, budget, Optional.empty(), Optional.empty(), "x"))
                .kind())
        .isEqualTo(Refusal.Kind.FORBIDDEN);
    Refusal past =
        refusal(
            voting.reschedule(
                ADA, budget, Optional.of(NOW.minusSeconds(60)), Optional.empty(), "Back."));
    assertThat(past.code()).isEqualTo("vote-not-reschedulable");
    assertThat(past.detail(FR)).contains("passée");
    assertThat(recorder.rescheduled()).hasSize(2);
  }

  @Test
  void aHostPortalCastsAndReadsWithoutHttp() {
    BudgetId budget = declare("host", false, false);
    recorder.events().clear();

    CastOutcome first = page.vote("alice", budget, approve("p1")).orElseThrow();
    assertThat(first).isInstanceOf(CastOutcome.Accepted.class);
    ReceiptCode receipt = ((CastOutcome.Accepted) first).receipt();
    assertThat(recorder.events()).extracting(BallotCast::budget).containsExactly(budget);

    Refusal again = refusal(page.vote("alice", budget, approve("p2")));
    assertThat(again.code()).isEqualTo("already-voted");
    assertThat(again.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(again.detail(FR)).contains(budget.value()).contains("en ligne");
    assertThat(again.detail(Locale.ENGLISH))
        .isEqualTo(
            "A ballot of this participant is already counted in budget "
                + budget
                + " (online), and it cannot be replaced now.");
    assertThat(again.detail(Locale.forLanguageTag("nl"))).contains("al geteld");

    Caller alice = as("alice", PolityRole.PARTICIPANT);
    assertThat(voting.participation(alice, budget).orElseThrow())
        .isEqualTo(new ParticipationStatus.Voted(ChannelKind.ONLINE));
    assertThat(voting.participation(as("bob", PolityRole.PARTICIPANT), budget).orElseThrow())
        .isEqualTo(new ParticipationStatus.NotVoted());
    assertThat(voting.checkReceipt(budget, receipt).orElseThrow())
        .isEqualTo(new ReceiptCheck.Counted(approve("p1")));
    assertThat(voting.turnout(RITA, budget).orElseThrow().total()).isEqualTo(1);
    assertThat(voting.settings(budget).orElseThrow().budget()).isEqualTo(budget);
  }

  @Test
  void refusalsAreValuesWithTheApiCodes() {
    BudgetId budget = declare("refusals", true, false);
    BudgetId undeclared = BudgetId.of("undeclared-" + Long.toHexString(System.nanoTime()));

    Refusal none = refusal(page.vote("alice", undeclared, approve("p1")));
    assertThat(none.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    assertThat(none.code()).isEqualTo("not-found");
    assertThat(none.detail(FR))
        .isEqualTo("Aucun vote n’est déclaré sur le budget " + undeclared + ".");
    assertThat(refusal(voting.settings(undeclared)).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    assertThat(refusal(voting.countedBallots(undeclared)).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);

    Refusal forbidden =
        refusal(voting.cast(RITA, budget, approve("p1"), Channel.online(), Locale.ENGLISH));
    assertThat(forbidden.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
    assertThat(refusal(voting.turnout(as("alice", PolityRole.PARTICIPANT), budget)).kind())
        .isEqualTo(Refusal.Kind.FORBIDDEN);
    assertThat(refusal(voting.seal(RITA, budget)).kind()).isEqualTo(Refusal.Kind.FORBIDDEN);

    VoteSettings other =
        VoteSettings.builder(budget).opens(NOW).closes(NOW.plusSeconds(60)).build();
    page.vote("alice", budget, approve("p1"));
    Refusal declared = refusal(voting.declare(ADA, other));
    assertThat(declared.code()).isEqualTo("vote-already-declared");
    assertThat(declared.kind()).isEqualTo(Refusal.Kind.CONFLICT);

    assertThatThrownBy(
            () ->
                voting.cast(
                    as("alice", PolityRole.PARTICIPANT),
                    budget,
                    approve("p1"),
                    Channel.desk(org.polity.voting.StaffId.of("eric")),
                    FR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encode");

    TestClockProducer.CLOCK.set(NOW.minus(Duration.ofDays(1)));
    assertThat(refusal(page.vote("alice", budget, approve("p1"))).code())
        .isEqualTo("vote-not-open");
  }

  @Test
  void countedBallotsArePublishedAndTheVoteSealedOnceDeskEncodingEnds() {
    BudgetId budget = declare("finish", true, false);
    page.vote("carol", budget, approve("p1")).orElseThrow();

    Refusal early = refusal(voting.countedBallots(budget));
    assertThat(early.code()).isEqualTo("vote-not-finished");
    assertThat(early.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    Refusal sealEarly = refusal(voting.seal(ADA, budget));
    assertThat(sealEarly.code()).isEqualTo("vote-not-sealable");

    TestClockProducer.CLOCK.set(NOW.plus(Duration.ofDays(1)));
    assertThat(refusal(page.vote("dan", budget, approve("p1"))).code()).isEqualTo("vote-closed");

    TestClockProducer.CLOCK.set(NOW.plus(Duration.ofDays(3)));
    assertThat(voting.countedBallots(budget).orElseThrow())
        .extracting(c -> c.ballot())
        .containsExactly(approve("p1"));
    assertThat(voting.seal(ADA, budget).orElseThrow().budget()).isEqualTo(budget);
    assertThat(voting.seal(ADA, budget).orElseThrow().budget()).isEqualTo(budget);
  }

  @Test
  void paperBallotsAreEncodedConfirmedAndDiscarded() {
    BudgetId budget = declare("paper", false, true);
    Caller eric = as("eric", PolityRole.ENCODER);
    Caller erin = as("erin", PolityRole.ENCODER);

    CastOutcome pending = voting.encode(eric, budget, "resident-17", approve("p4")).orElseThrow();
    assertThat(pending).isInstanceOf(CastOutcome.AwaitingSecondEncoder.class);
    var id = ((CastOutcome.AwaitingSecondEncoder) pending).pending();
    assertThat(refusal(page.vote("resident-17", budget, approve("p4"))).code())
        .isEqualTo("encoding-in-progress");
    assertThat(refusal(voting.confirm(eric, budget, id, approve("p4"))).code())
        .isEqualTo("same-encoder");
    assertThat(refusal(voting.confirm(erin, budget, id, approve("p5"))).code())
        .isEqualTo("encoding-mismatch");
    assertThat(voting.confirm(erin, budget, id, approve("p4")).orElseThrow())
        .isInstanceOf(CastOutcome.Confirmed.class);
    assertThat(refusal(voting.confirm(erin, budget, id, approve("p4"))).kind())
        .isEqualTo(Refusal.Kind.NOT_FOUND);

    CastOutcome other = voting.encode(eric, budget, "resident-18", approve("p4")).orElseThrow();
    var second = ((CastOutcome.AwaitingSecondEncoder) other).pending();
    assertThat(voting.discard(erin, budget, second).orElseThrow())
        .isEqualTo(new CastOutcome.Discarded(second));
    assertThat(refusal(voting.discard(erin, budget, second)).kind())
        .isEqualTo(Refusal.Kind.NOT_FOUND);
    assertThat(refusal(voting.encode(eric, budget, " ", approve("p4"))).kind())
        .isEqualTo(Refusal.Kind.INVALID);
    assertThat(voting.turnout(ADA, budget).orElseThrow().byChannel())
        .containsEntry(ChannelKind.DESK, 1L);
  }
}
