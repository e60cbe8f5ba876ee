package org.polity.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.common.ProcessId;
import org.polity.testing.MutableClock;
import org.polity.testing.SampleEditions;

class PhaseCalendarTest {

  private static final Locale DUTCH = Locale.forLanguageTag("nl");

  private final ParticipatoryProcess byDates =
      SampleEditions.sharedBudget2027(PhaseProgression.BY_DATES);
  private final MutableClock clock =
      new MutableClock(Instant.parse("2027-01-01T00:00:00Z"), SampleEditions.BRUSSELS);

  @Test
  void beforeTheFirstPhaseNothingIsAllowedAndTheRefusalSaysWhenItWillBe() {
    PhaseCalendar calendar = new PhaseCalendar(byDates, clock, List.of());

    assertThat(calendar.current()).isEmpty();
    Outcome<Phase> submit = calendar.check(ParticipationAction.SUBMIT);
    assertThat(submit.refusal()).get().extracting(Refusal::code).isEqualTo("process.no-phase-open");
    assertThat(submit.refusal().get().message(Locale.ENGLISH))
        .isEqualTo(
            "Submitting an idea is not possible now: no phase of the process is open. Phases that allow it: Submission of project ideas.");
    assertThat(submit.refusal().get().message(Locale.FRENCH))
        .isEqualTo(
            "Déposer une idée n'est pas possible maintenant : aucune phase du processus n'est ouverte. Phases qui le permettent : Dépôt des idées de projets.");
    assertThat(submit.refusal().get().message(DUTCH))
        .isEqualTo(
            "Een idee indienen is nu niet mogelijk: er is geen fase van het proces open. Fasen die het toelaten: Indienen van projectideeën.");
  }

  @Test
  void thePhaseChangesAtMidnightBrusselsTimeNotUtc() {
    PhaseCalendar calendar = new PhaseCalendar(byDates, clock, List.of());
    // Submission closes on 2027-03-15T00:00 in Brussels (UTC+1 in winter) = 2027-03-14T23:00Z.
    clock.set(Instant.parse("2027-03-14T22:59:59Z"));
    assertThat(calendar.current()).map(Phase::id).contains("submission");
    assertThat(calendar.isAllowed(ParticipationAction.SUBMIT)).isTrue();

    clock.set(Instant.parse("2027-03-14T23:00:00Z"));
    assertThat(calendar.current()).map(Phase::id).contains("deliberation");
    assertThat(calendar.isAllowed(ParticipationAction.SUBMIT)).isFalse();
    assertThat(calendar.check(ParticipationAction.SUBMIT).refusal().get().message(Locale.ENGLISH))
        .isEqualTo(
            "Submitting an idea is not possible during the phase \"The citizens' assembly works on the ideas\". Phases that allow it: Submission of project ideas.");
  }

  @Test
  void inSummerTheOffsetIsTwoHours() {
    PhaseCalendar calendar = new PhaseCalendar(byDates, clock, List.of());
    // The vote opens on 2027-06-15T00:00 in Brussels (UTC+2 in summer) = 2027-06-14T22:00Z.
    clock.set(Instant.parse("2027-06-14T21:59:59Z"));
    assertThat(calendar.current()).map(Phase::id).contains("validation");
    clock.set(Instant.parse("2027-06-14T22:00:00Z"));
    assertThat(calendar.current()).map(Phase::id).contains("vote");
    assertThat(calendar.check(ParticipationAction.VOTE).orElseThrow().id()).isEqualTo("vote");
  }

  @Test
  void aPhaseOpeningInTheSpringForwardGapOpensAfterTheGap() {
    // On 2027-03-28 Brussels clocks jump from 02:00 to 03:00; 02:30 does not exist and becomes
    // 03:30 CEST.
    ParticipatoryProcess process =
        twoPhases(LocalDateTime.parse("2027-03-01T00:00"), LocalDateTime.parse("2027-03-28T02:30"));
    PhaseCalendar calendar = new PhaseCalendar(process, clock, List.of());
    clock.set(Instant.parse("2027-03-28T01:29:59Z"));
    assertThat(calendar.current()).map(Phase::id).contains("ideas");
    clock.set(Instant.parse("2027-03-28T01:30:00Z"));
    assertThat(calendar.current()).map(Phase::id).contains("vote");
  }

  @Test
  void inTheAutumnOverlapTheEarlierOffsetCounts() {
    // On 2027-10-31 Brussels clocks go back from 03:00 to 02:00; 02:30 happens twice, the first
    // (CEST) counts.
    ParticipatoryProcess process =
        twoPhases(LocalDateTime.parse("2027-10-01T00:00"), LocalDateTime.parse("2027-10-31T02:30"));
    PhaseCalendar calendar = new PhaseCalendar(process, clock, List.of());
    clock.set(Instant.parse("2027-10-31T00:29:59Z"));
    assertThat(calendar.current()).map(Phase::id).contains("ideas");
    clock.set(Instant.parse("2027-10-31T00:30:00Z"));
    assertThat(calendar.current()).map(Phase::id).contains("vote");
  }

  @Test
  void betweenPhasesAndAfterTheLastNoPhaseIsCurrent() {
    Phase first =
        new Phase(
            "ideas",
            PhaseKind.IDEA_SUBMISSION,
            PhaseDates.between(
                LocalDateTime.parse("2027-03-01T00:00"), LocalDateTime.parse("2027-03-10T00:00")),
            Set.of(ParticipationAction.SUBMIT));
    Phase second =
        new Phase(
            "vote",
            PhaseKind.VOTING,
            PhaseDates.between(
                LocalDateTime.parse("2027-03-20T00:00"), LocalDateTime.parse("2027-03-30T00:00")),
            Set.of(ParticipationAction.VOTE));
    PhaseCalendar calendar =
        new PhaseCalendar(
            process(List.of(first, second), PhaseProgression.BY_DATES), clock, List.of());

    clock.set(LocalDateTime.parse("2027-03-15T12:00"));
    assertThat(calendar.current()).isEmpty();
    assertThat(calendar.hasClosed("ideas")).isTrue();
    assertThat(calendar.hasOpened("vote")).isFalse();
    clock.set(LocalDateTime.parse("2027-03-25T12:00"));
    assertThat(calendar.current()).map(Phase::id).contains("vote");
    clock.set(LocalDateTime.parse("2027-03-30T00:00"));
    assertThat(calendar.current()).isEmpty();
    assertThat(calendar.hasClosed("vote")).isTrue();
    assertThat(calendar.history()).extracting(PhaseMove::to).containsExactly("ideas", "vote");
  }

  @Test
  void aGuardHoldsADatedMoveUntilItPassesAndTheHistoryRecordsTheMoves() {
    AtomicBoolean reviewsPending = new AtomicBoolean(true);
    Refusal pending = new Refusal("test.pending", LocalizedText.of("en", "Reviews pending."));
    PhaseGuard guard =
        (from, to) ->
            to.id().equals("vote") && reviewsPending.get()
                ? Optional.of(pending)
                : Optional.empty();
    PhaseCalendar calendar = new PhaseCalendar(byDates, clock, List.of(guard));

    clock.set(LocalDateTime.parse("2027-06-20T10:00"));
    assertThat(calendar.current()).map(Phase::id).contains("validation");
    assertThat(calendar.hold()).contains(pending);
    assertThat(calendar.isAllowed(ParticipationAction.VOTE)).isFalse();

    reviewsPending.set(false);
    assertThat(calendar.current()).map(Phase::id).contains("vote");
    assertThat(calendar.hold()).isEmpty();
    List<PhaseMove> history = calendar.history();
    assertThat(history)
        .extracting(PhaseMove::to)
        .containsExactly(
            "information", "submission", "deliberation", "feasibility", "validation", "vote");
    assertThat(history)
        .allMatch(m -> m.trigger() == PhaseMove.Trigger.DATES && m.actor().equals(PhaseMove.DATES));
    assertThat(history.get(5).from()).isEqualTo("validation");
    assertThat(history.get(0).previous()).isEmpty();
    assertThat(history.get(5).why().in(Locale.FRENCH))
        .isEqualTo("La phase s'est ouverte à la date prévue.");
  }

  @Test
  void staffMoveForwardOnlyAndEveryMoveIsRecorded() {
    ParticipatoryProcess byStaff = SampleEditions.sharedBudget2027(PhaseProgression.BY_STAFF);
    PhaseCalendar calendar = new PhaseCalendar(byStaff, clock, List.of());
    LocalizedText why = LocalizedText.of("en", "Decided by the executive on 10 January.");
    assertThat(calendar.current()).isEmpty();

    clock.set(Instant.parse("2027-01-10T08:00:00Z"));
    assertThat(calendar.advance("staff:lea", why).orElseThrow().id()).isEqualTo("information");
    clock.set(Instant.parse("2027-01-11T08:00:00Z"));
    assertThat(calendar.open("feasibility", "staff:lea", why).orElseThrow().id())
        .isEqualTo("feasibility");
    assertThat(calendar.isAllowed(ParticipationAction.REVIEW)).isTrue();

    List<PhaseMove> before = calendar.history();
    Outcome<Phase> back = calendar.open("submission", "staff:lea", why);
    assertThat(back.refusal()).get().extracting(Refusal::code).isEqualTo("process.phase-not-ahead");
    assertThat(back.refusal().get().message(Locale.ENGLISH))
        .isEqualTo(
            "The phase \"Submission of project ideas\" cannot be opened: the process is already at \"Feasibility study and costing\", and phases only move forward.");
    assertThat(calendar.history()).isEqualTo(before);
    assertThat(calendar.current()).map(Phase::id).contains("feasibility");

    assertThat(before)
        .containsExactly(
            new PhaseMove(
                null,
                "information",
                Instant.parse("2027-01-10T08:00:00Z"),
                "staff:lea",
                why,
                PhaseMove.Trigger.STAFF),
            new PhaseMove(
                "information",
                "feasibility",
                Instant.parse("2027-01-11T08:00:00Z"),
                "staff:lea",
                why,
                PhaseMove.Trigger.STAFF));

    assertThatThrownBy(() -> calendar.open("voting", "staff:lea", why))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Process 'sb-2027' has no phase 'voting': its phases are [information, submission,");
    assertThatThrownBy(() -> calendar.advance(" ", why))
        .hasMessage("The actor is blank: name who opens phase 'validation'.");
  }

  @Test
  void afterTheLastPhaseThereIsNoNextPhase() {
    ParticipatoryProcess byStaff = SampleEditions.sharedBudget2027(PhaseProgression.BY_STAFF);
    PhaseCalendar calendar = new PhaseCalendar(byStaff, clock, List.of());
    LocalizedText why = LocalizedText.of("en", "End.");
    calendar.open("follow-up", "staff:lea", why).orElseThrow();
    Outcome<Phase> next = calendar.advance("staff:lea", why);
    assertThat(next.refusal()).get().extracting(Refusal::code).isEqualTo("process.no-next-phase");
    assertThatThrownBy(next::orElseThrow)
        .isInstanceOf(RefusalException.class)
        .hasMessage("The process is in its last phase: there is no next phase to open.");
  }

  @Test
  void byStaffTheDatesAreIndicativeOnly() {
    ParticipatoryProcess byStaff = SampleEditions.sharedBudget2027(PhaseProgression.BY_STAFF);
    PhaseCalendar calendar = new PhaseCalendar(byStaff, clock, List.of());
    clock.set(LocalDateTime.parse("2027-06-20T10:00"));
    assertThat(calendar.current()).isEmpty();
    assertThat(calendar.history()).isEmpty();
  }

  private ParticipatoryProcess twoPhases(LocalDateTime opens, LocalDateTime second) {
    Phase ideas =
        new Phase(
            "ideas",
            PhaseKind.IDEA_SUBMISSION,
            PhaseDates.between(opens, second),
            Set.of(ParticipationAction.SUBMIT));
    Phase vote =
        new Phase(
            "vote",
            PhaseKind.VOTING,
            new PhaseDates(second, null),
            Set.of(ParticipationAction.VOTE));
    return process(List.of(ideas, vote), PhaseProgression.BY_DATES);
  }

  private static ParticipatoryProcess process(List<Phase> phases, PhaseProgression progression) {
    return ParticipatoryProcess.builder(ProcessId.of("p"))
        .title(LocalizedText.of("en", "Test"))
        .territory(SampleEditions.territory())
        .zone(SampleEditions.BRUSSELS)
        .rules(SampleEditions.rules())
        .phases(phases)
        .progression(progression)
        .build();
  }
}
