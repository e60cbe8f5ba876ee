package org.polity.portal.paper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polity.ballot.BallotForm;
import org.polity.ballot.BallotKind;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.jakarta.process.BudgetBallot;
import org.polity.process.ParticipationAction;
import org.polity.process.ParticipatoryProcess;
import org.polity.process.Phase;
import org.polity.process.PhaseDates;
import org.polity.process.PhaseKind;
import org.polity.process.PhaseProgression;
import org.polity.testing.SampleEditions;

/** The sentences of the forms that depend on the ballot form and the calendar, without a server. */
class PaperFormsTextTest {

  static final Locale FR = Locale.FRENCH;
  static final Locale NL = Locale.forLanguageTag("nl");
  static final Locale EN = Locale.ENGLISH;

  @Test
  void amountsAreWrittenAsInBelgiumInEachLanguage() {
    Money envelope = Money.of(12_500, "EUR");
    assertThat(PaperForms.money(envelope, FR)).isEqualTo("12\u00a0500\u00a0€");
    assertThat(PaperForms.money(envelope, NL)).isEqualTo("€\u00a012.500");
    assertThat(PaperForms.money(envelope, EN)).isEqualTo("€12,500");
    assertThat(PaperForms.money(Money.of("12.5", "EUR"), EN)).isEqualTo("€12.50");
  }

  @Test
  void aCumulativeFormSaysThePointsToSpendAndThePointsPerProject() {
    BallotForm form =
        BallotForm.builder(BallotKind.CUMULATIVE)
            .projects(0, Integer.MAX_VALUE)
            .points(10, true, 4)
            .build();
    assertThat(PaperForms.instructions(Optional.of(form), FR))
        .containsExactly(
            "Écrivez dans la case de chaque projet que vous soutenez le nombre de points que vous"
                + " lui donnez.",
            "Donnez exactement 10 points en tout.",
            "Donnez au plus 4 points à un même projet.",
            "Un bulletin qui ne respecte pas ces règles ne peut pas être compté.");
  }

  @Test
  void approvalLimitsAndBasketAreStated() {
    BallotForm exactly =
        BallotForm.builder(BallotKind.APPROVAL)
            .projects(2, 2)
            .maxTotalCost(Money.of(50_000, "EUR"))
            .build();
    assertThat(PaperForms.instructions(Optional.of(exactly), EN))
        .contains(
            "Tick exactly 2 projects.",
            "The projects you choose may cost at most €50,000 together.");
    BallotForm atMost = BallotForm.builder(BallotKind.APPROVAL).projects(0, 1).build();
    assertThat(PaperForms.instructions(Optional.of(atMost), NL))
        .contains("Kruis hoogstens één project aan.")
        .noneMatch(line -> line.contains("kosten"));
  }

  @Test
  void rankingAndScoresHaveTheirOwnInstructions() {
    BallotForm ranking = BallotForm.builder(BallotKind.ORDINAL).projects(0, 3).build();
    assertThat(PaperForms.instructions(Optional.of(ranking), EN))
        .first()
        .isEqualTo(
            "Write 1 in the box of the project you prefer, 2 in the box of the next one, and so on,"
                + " up to 3.");
    BallotForm scores =
        BallotForm.builder(BallotKind.CARDINAL).projects(0, Integer.MAX_VALUE).scores(0, 5).build();
    assertThat(PaperForms.instructions(Optional.of(scores), NL))
        .first()
        .isEqualTo("Schrijf in het vakje van elk project een score van 0 tot 5.");
  }

  @Test
  void aBallotWithoutDeclaredVoteSaysTheLimitsComeLater() {
    assertThat(PaperForms.instructions(Optional.empty(), EN))
        .containsExactly(
            "Tick the box of each project you support.",
            "The vote on this budget is not declared yet: its limits will be announced when it"
                + " opens.");
  }

  @Test
  void theSubmissionPeriodComesFromTheIdeaPhasesDates() {
    Phase ideas =
        new Phase(
            "ideas",
            PhaseKind.IDEA_SUBMISSION,
            PhaseDates.between(
                LocalDateTime.parse("2027-03-01T00:00"), LocalDateTime.parse("2027-04-15T00:00")),
            Set.of(ParticipationAction.SUBMIT));
    Phase vote =
        new Phase(
            "vote",
            PhaseKind.VOTING,
            PhaseDates.between(
                LocalDateTime.parse("2027-05-01T00:00"), LocalDateTime.parse("2027-05-30T00:00")),
            Set.of(ParticipationAction.VOTE));
    ParticipatoryProcess process = process(List.of(ideas, vote));
    assertThat(PaperForms.submissionPeriods(process, FR))
        .containsExactly("Les idées sont reçues du 1 mars 2027 au 15 avril 2027.");
    assertThat(PaperForms.submissionPeriods(process, NL))
        .containsExactly("Ideeën worden ontvangen van 1 maart 2027 tot 15 april 2027.");
  }

  @Test
  void aBallotOfAnotherProcessIsMisuse() {
    ParticipatoryProcess process = SampleEditions.sharedBudget2027(PhaseProgression.BY_STAFF);
    BudgetBallot other =
        new BudgetBallot(
            BudgetId.of("b"),
            ProcessId.of("other"),
            List.of(),
            Money.of(1, "EUR"),
            Optional.empty());
    assertThatThrownBy(() -> PaperForms.ballot(process, other, Optional.empty(), false, EN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("belongs to other");
  }

  private static ParticipatoryProcess process(List<Phase> phases) {
    return ParticipatoryProcess.builder(ProcessId.of("p"))
        .title(LocalizedText.of("en", "Test"))
        .territory(SampleEditions.territory())
        .zone(SampleEditions.BRUSSELS)
        .rules(SampleEditions.rules())
        .phases(phases)
        .progression(PhaseProgression.BY_STAFF)
        .build();
  }
}
