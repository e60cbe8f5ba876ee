package org.polity.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.testing.SampleEditions;

class ProcessRulesTest {

  @Test
  void envelopePerInhabitantIsTheAmountTimesThePopulation() {
    Envelope envelope = Envelope.perInhabitant(Money.of(15, "EUR"), 34_337);
    assertThat(envelope.amount()).isEqualTo(Money.of(515_055, "EUR"));
    assertThat(Envelope.perInhabitant(Money.of("15.50", "EUR"), 3).amount())
        .isEqualTo(Money.of("46.5", "EUR"));
    assertThat(Envelope.fixed(Money.of(200_000, "EUR")).amount())
        .isEqualTo(Money.of(200_000, "EUR"));
  }

  @Test
  void envelopesRefuseNegativeAmountsAndEmptyPopulations() {
    assertThatThrownBy(() -> Envelope.perInhabitant(Money.of(15, "EUR"), 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The population 0 is not positive: give the number of inhabitants.");
    assertThatThrownBy(() -> Envelope.fixed(Money.of(-1, "EUR")))
        .hasMessage("The envelope -1 EUR is negative: give an amount of zero or more.");
  }

  @Test
  void rulesAreDataAdjustablePerEdition() {
    ProcessRules rules = SampleEditions.rules();
    assertThat(rules.envelope().amount()).isEqualTo(Money.of(515_055, "EUR"));
    assertThat(rules.maximumProjectCost()).contains(Money.of(165_000, "EUR"));
    assertThat(rules.themes().keySet())
        .containsExactly("greenery", "mobility", "culture", "solidarity");
    assertThat(rules.minimumAge()).isEqualTo(10);
    assertThat(rules.ballotFormId()).isEmpty();

    ProcessRules next =
        rules.toBuilder()
            .envelope(Envelope.perInhabitant(Money.of(16, "EUR"), 35_000))
            .clearThemes()
            .theme(new Theme("youth", LocalizedText.of("en", "Youth")))
            .ballotFormId("approval-knapsack")
            .countingRuleId("greedy")
            .build();
    assertThat(next.envelope().amount()).isEqualTo(Money.of(560_000, "EUR"));
    assertThat(next.themes().keySet()).containsExactly("youth");
    assertThat(next.ballotFormId()).contains("approval-knapsack");
    assertThat(next.countingRuleId()).contains("greedy");
    assertThat(rules.themes()).hasSize(4);
  }

  @Test
  void rulesRefuseInconsistentValues() {
    assertThatThrownBy(
            () ->
                SampleEditions.rules().toBuilder()
                    .maximumProjectCost(Money.of(1000, "USD"))
                    .build())
        .hasMessage(
            "The maximum project cost 1000 USD is not in the envelope's currency (EUR): use one currency.");
    assertThatThrownBy(() -> SampleEditions.rules().toBuilder().minimumAge(-1).build())
        .hasMessage("The minimum age -1 is out of range: give an age from 0 to 120.");
    assertThatThrownBy(
            () ->
                SampleEditions.rules().toBuilder()
                    .theme(new Theme("greenery", LocalizedText.of("en", "Green"))))
        .hasMessage("Theme 'greenery' is given twice: give each theme once.");
    assertThatThrownBy(() -> new Theme("Green Spaces", LocalizedText.of("en", "Green")))
        .hasMessageStartingWith("The theme id 'Green Spaces' is not valid");
  }

  @Test
  void phaseDatesOutOfOrderAreRefusedNamingThePhases() {
    List<Phase> phases =
        ProcessTemplates.sharedBudget()
            .withDates(
                "submission",
                LocalDateTime.parse("2027-02-01T00:00"),
                LocalDateTime.parse("2027-03-15T00:00"))
            .withDates(
                "deliberation",
                LocalDateTime.parse("2027-03-01T00:00"),
                LocalDateTime.parse("2027-04-01T00:00"))
            .phases();
    assertThatThrownBy(() -> process(phases, PhaseProgression.BY_STAFF))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Phase 'deliberation' of process 'sb' opens on 2027-03-01T00:00, before phase 'submission'"
                + " ends or opens (2027-03-15T00:00): phase dates must be in order; move 'deliberation' to"
                + " 2027-03-15T00:00 or later.");
    assertThatThrownBy(
            () ->
                PhaseDates.between(
                    LocalDateTime.parse("2027-03-01T00:00"),
                    LocalDateTime.parse("2027-02-01T00:00")))
        .hasMessage(
            "A phase closes (2027-02-01T00:00) before or when it opens (2027-03-01T00:00): give a closing date after the opening date.");
  }

  @Test
  void byDatesEveryPhaseMustBePlacedInTime() {
    List<Phase> undated = ProcessTemplates.sharedBudget().phases();
    assertThatThrownBy(() -> process(undated, PhaseProgression.BY_DATES))
        .hasMessage(
            "Phase 'information' of process 'sb' cannot be placed in time: with progression BY_DATES give it an opening date.");
    assertThat(process(undated, PhaseProgression.BY_STAFF).phases()).hasSize(10);
  }

  @Test
  void phasesAreUniqueAndWellNamed() {
    Phase a = new Phase("a", PhaseKind.INFORMATION, PhaseDates.UNDATED, Set.of());
    assertThatThrownBy(() -> process(List.of(a, a), PhaseProgression.BY_STAFF))
        .hasMessage("Process 'sb' has two phases with id 'a': give each phase its own id.");
    assertThatThrownBy(() -> new Phase("Vote!", PhaseKind.VOTING, PhaseDates.UNDATED, Set.of()))
        .hasMessageStartingWith("The phase id 'Vote!' is not valid");
  }

  private static ParticipatoryProcess process(List<Phase> phases, PhaseProgression progression) {
    return ParticipatoryProcess.builder(ProcessId.of("sb"))
        .title(LocalizedText.of("en", "Shared budget"))
        .territory(SampleEditions.territory())
        .zone(ZoneId.of("Europe/Brussels"))
        .rules(SampleEditions.rules())
        .phases(phases)
        .progression(progression)
        .build();
  }
}
