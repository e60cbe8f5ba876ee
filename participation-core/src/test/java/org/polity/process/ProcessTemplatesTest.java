package org.polity.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.polity.process.ParticipationAction.COMMENT;
import static org.polity.process.ParticipationAction.REVIEW;
import static org.polity.process.ParticipationAction.SEE_RESULTS;
import static org.polity.process.ParticipationAction.SUBMIT;
import static org.polity.process.ParticipationAction.SUPPORT;
import static org.polity.process.ParticipationAction.VOTE;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcessTemplatesTest {

  @Test
  void sharedBudgetHasTheTenStepsInOrderWithTheirActions() {
    ProcessTemplate template = ProcessTemplates.sharedBudget();

    assertThat(template.id()).isEqualTo("shared-budget");
    assertThat(template.kind()).isEqualTo(ProcessKind.PARTICIPATORY_BUDGET);
    assertThat(template.phaseIds())
        .containsExactly(
            "information",
            "submission",
            "deliberation",
            "feasibility",
            "validation",
            "vote",
            "proclamation",
            "budget",
            "evaluation",
            "follow-up");
    assertThat(template.phases().stream().map(Phase::kind))
        .containsExactly(
            PhaseKind.INFORMATION,
            PhaseKind.IDEA_SUBMISSION,
            PhaseKind.DELIBERATION,
            PhaseKind.FEASIBILITY_REVIEW,
            PhaseKind.VALIDATION,
            PhaseKind.VOTING,
            PhaseKind.RESULTS_PROCLAMATION,
            PhaseKind.BUDGET_ADOPTION,
            PhaseKind.EVALUATION,
            PhaseKind.IMPLEMENTATION_FOLLOW_UP);
    assertThat(template.phases().stream().map(Phase::allowedActions))
        .containsExactly(
            Set.of(),
            Set.of(SUBMIT, COMMENT, SUPPORT),
            Set.of(COMMENT),
            Set.of(REVIEW),
            Set.of(),
            Set.of(VOTE, COMMENT),
            Set.of(SEE_RESULTS),
            Set.of(SEE_RESULTS),
            Set.of(SEE_RESULTS, COMMENT),
            Set.of(SEE_RESULTS, COMMENT));
    assertThat(template.phases()).allMatch(p -> p.dates().equals(PhaseDates.UNDATED));
  }

  @Test
  void consulBudgetHasItsNinePhasesInOrderWithTheirActions() {
    ProcessTemplate template = ProcessTemplates.consulBudget();

    assertThat(template.phaseIds())
        .containsExactly(
            "informing",
            "accepting",
            "reviewing",
            "selecting",
            "valuating",
            "publishing_prices",
            "balloting",
            "reviewing_ballots",
            "finished");
    assertThat(template.phases().stream().map(Phase::kind))
        .containsExactly(
            PhaseKind.INFORMATION,
            PhaseKind.IDEA_SUBMISSION,
            PhaseKind.FEASIBILITY_REVIEW,
            PhaseKind.SUPPORT_COLLECTION,
            PhaseKind.FEASIBILITY_REVIEW,
            PhaseKind.PRICE_PUBLICATION,
            PhaseKind.VOTING,
            PhaseKind.BALLOT_REVIEW,
            PhaseKind.CLOSED);
    assertThat(template.phases().stream().map(Phase::allowedActions))
        .containsExactly(
            Set.of(),
            Set.of(SUBMIT, COMMENT),
            Set.of(REVIEW, COMMENT),
            Set.of(SUPPORT, COMMENT),
            Set.of(REVIEW, COMMENT),
            Set.of(COMMENT),
            Set.of(VOTE, COMMENT),
            Set.of(),
            Set.of(SEE_RESULTS));
  }

  @Test
  void everyTemplatePhaseHasANameInFrenchDutchAndEnglish() {
    Phase vote = ProcessTemplates.sharedBudget().phases().get(5);
    assertThat(vote.displayName(Locale.ENGLISH)).isEqualTo("Campaign and vote");
    assertThat(vote.displayName(Locale.FRENCH)).isEqualTo("Campagne et vote");
    assertThat(vote.displayName(Locale.forLanguageTag("nl"))).isEqualTo("Campagne en stemming");
    assertThat(vote.displayName(Locale.GERMAN)).isEqualTo("Campaign and vote");
    for (ProcessTemplate template :
        List.of(ProcessTemplates.sharedBudget(), ProcessTemplates.consulBudget())) {
      for (Phase phase : template.phases()) {
        assertThat(phase.displayName(Locale.FRENCH))
            .as(phase.id())
            .isNotEqualTo(phase.displayName(Locale.forLanguageTag("nl")));
      }
    }
  }

  @Test
  void aPhaseOutsideTheTemplatesIsNamedByItsKind() {
    Phase phase = new Phase("my-own-vote", PhaseKind.VOTING, PhaseDates.UNDATED, Set.of(VOTE));
    assertThat(phase.displayName(Locale.FRENCH)).isEqualTo("Vote");
    assertThat(phase.displayName(Locale.forLanguageTag("nl"))).isEqualTo("Stemming");
  }

  @Test
  void aTemplateIsAdjustedPerEditionWithoutChangingTheOriginal() {
    ProcessTemplate original = ProcessTemplates.sharedBudget();
    ProcessTemplate adjusted =
        original
            .withDates(
                "vote",
                LocalDateTime.parse("2027-06-15T00:00"),
                LocalDateTime.parse("2027-07-01T00:00"))
            .withActions("vote", Set.of(VOTE))
            .without("evaluation");

    assertThat(adjusted.phaseIds()).hasSize(9).doesNotContain("evaluation");
    Phase vote = adjusted.phases().get(5);
    assertThat(vote.allowedActions()).containsExactly(VOTE);
    assertThat(vote.dates().opening()).contains(LocalDateTime.parse("2027-06-15T00:00"));
    assertThat(original.phases().get(5).allowedActions()).containsExactlyInAnyOrder(VOTE, COMMENT);
    assertThat(original.phaseIds()).contains("evaluation");
  }

  @Test
  void withScheduleChainsTheDatesAndMayLeaveTheLastPhaseOpen() {
    ProcessTemplate template = ProcessTemplates.consulBudget();
    LocalDateTime start = LocalDateTime.parse("2027-01-01T00:00");
    LocalDateTime[] closings = new LocalDateTime[8];
    for (int i = 0; i < 8; i++) {
      closings[i] = start.plusMonths(i + 1);
    }
    List<Phase> phases = template.withSchedule(start, closings).phases();

    assertThat(phases.get(0).dates()).isEqualTo(PhaseDates.between(start, start.plusMonths(1)));
    assertThat(phases.get(7).dates())
        .isEqualTo(PhaseDates.between(start.plusMonths(7), start.plusMonths(8)));
    assertThat(phases.get(8).dates()).isEqualTo(new PhaseDates(start.plusMonths(8), null));
    assertThatThrownBy(() -> template.withSchedule(start, start.plusDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Template 'consul-budget' has 9 phases but 1 closing dates were given: give 9 (or 8 to leave the last phase open-ended).");
  }

  @Test
  void unknownPhaseIdsAreNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> ProcessTemplates.sharedBudget().without("voting"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "Template 'shared-budget' has no phase 'voting': its phases are [information,");
  }

  @Test
  void templatesOfYourOwnAreReadFromJsonWithClearErrors() {
    ProcessTemplate own =
        ProcessTemplates.read(
            json(
                "{\"id\":\"mini\",\"kind\":\"consultation\",\"phases\":[{\"id\":\"ask\",\"kind\":\"IDEA_SUBMISSION\","
                    + "\"actions\":[\"ANSWER_SURVEY\"],\"opens\":\"2027-05-01T09:00\",\"closes\":\"2027-05-31T18:00\"}]}"));
    assertThat(own.kind()).isEqualTo(ProcessKind.CONSULTATION);
    assertThat(own.phases().get(0).allowedActions())
        .containsExactly(ParticipationAction.ANSWER_SURVEY);
    assertThat(own.phases().get(0).dates().closing())
        .contains(LocalDateTime.parse("2027-05-31T18:00"));

    assertThatThrownBy(
            () ->
                ProcessTemplates.read(
                    json(
                        "{\"id\":\"x\",\"kind\":\"OTHER\",\"phases\":[{\"id\":\"a\",\"kind\":\"VOTE\"}]}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "The kind of phase 'a' of template 'x' is 'VOTE', which is not one of [INFORMATION,");
    assertThatThrownBy(
            () ->
                ProcessTemplates.read(
                    json(
                        "{\"id\":\"x\",\"kind\":\"OTHER\",\"phases\":[{\"id\":\"a\",\"kind\":\"VOTING\",\"opens\":\"June\"}]}")))
        .hasMessage(
            "The \"opens\" of phase 'a' of template 'x' is 'June', not a local date-time: write it as 2027-03-01T00:00.");
    assertThatThrownBy(() -> ProcessTemplates.read(json("{\"id\":\"x\",\"kind\":\"OTHER\"}")))
        .hasMessage("Template 'x' has no \"phases\" array: list its phases.");
    assertThatThrownBy(() -> ProcessTemplates.read(json("{nope")))
        .hasMessageStartingWith("The template is not valid JSON");
  }

  private static ByteArrayInputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
