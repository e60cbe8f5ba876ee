package org.polity.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.process.Envelope;
import org.polity.process.Outcome;
import org.polity.process.ParticipationAction;
import org.polity.process.ParticipatoryProcess;
import org.polity.process.PhaseProgression;
import org.polity.process.ProcessRules;
import org.polity.process.ProcessTemplates;
import org.polity.process.Territory;
import org.polity.process.Theme;
import org.polity.project.Author;
import org.polity.project.Channel;
import org.polity.project.Edition;
import org.polity.project.FeasibilityReview;
import org.polity.project.ProjectLocation;
import org.polity.project.ProjectProposal;
import org.polity.project.ProjectStatus;
import org.polity.project.SummaryTable;
import org.polity.testing.MutableClock;

/** The runnable example of docs/processes.md, kept in step with the guide. */
class ProcessesGuideExampleTest {

  @Test
  void theGuideExampleRuns() {
    // --8<-- [start:example]
    ZoneId brussels = ZoneId.of("Europe/Brussels");
    ProcessRules rules =
        ProcessRules.builder()
            .envelope(Envelope.perInhabitant(Money.of(15, "EUR"), 34_337)) // 515,055 EUR
            .maximumProjectCost(Money.of(165_000, "EUR"))
            .theme(
                new Theme(
                    "greenery", LocalizedText.of("en", "Greenery").with("fr", "Verdurisation")))
            .minimumAge(10)
            .build();
    ParticipatoryProcess process =
        ParticipatoryProcess.builder(ProcessId.of("sb-2027"))
            .title(LocalizedText.of("en", "Shared Budget 2027").with("fr", "Budget partagé 2027"))
            .territory(
                new Territory(
                    "SAMPLE",
                    LocalizedText.of("en", "Sample municipality"),
                    List.of("Centre", "North")))
            .zone(brussels)
            .rules(rules)
            .phases(
                ProcessTemplates.sharedBudget()
                    .withSchedule(
                        LocalDateTime.parse("2027-01-10T00:00"), // information opens
                        LocalDateTime.parse("2027-02-01T00:00"), // ... and closes; submission opens
                        LocalDateTime.parse("2027-03-15T00:00"), // deliberation
                        LocalDateTime.parse("2027-04-15T00:00"), // feasibility
                        LocalDateTime.parse("2027-06-01T00:00"), // validation
                        LocalDateTime.parse("2027-06-15T00:00"), // vote
                        LocalDateTime.parse("2027-07-01T00:00"), // proclamation
                        LocalDateTime.parse("2027-07-15T00:00"), // budget
                        LocalDateTime.parse("2028-01-01T00:00"), // evaluation
                        LocalDateTime.parse("2028-02-01T00:00")) // follow-up, open-ended
                    .phases())
            .progression(PhaseProgression.BY_DATES)
            .build();

    MutableClock clock = MutableClock.at(LocalDateTime.parse("2027-02-10T09:00"), brussels);
    Edition edition = new Edition(process, clock);
    assertThat(edition.calendar().current().orElseThrow().id()).isEqualTo("submission");

    ProjectProposal garden =
        ProjectProposal.builder()
            .title(
                LocalizedText.of("fr", "Un potager collectif")
                    .with("en", "A community vegetable garden"))
            .description(LocalizedText.of("fr", "Des bacs potagers au parc."))
            .theme("greenery")
            .estimatedCost(Money.of(12_000, "EUR"))
            .location(ProjectLocation.point(4.3391, 50.8612)) // longitude, latitude
            .district("North")
            .author(new Author.Resident("Jeanne", 71))
            .channel(new Channel.PaperForm("staff:marc")) // encoded by staff on her behalf
            .build();
    ProjectId id = edition.submit(garden).orElseThrow();

    clock.set(LocalDateTime.parse("2027-04-20T10:00")); // feasibility review
    edition.startReview(id, "service:green-spaces").orElseThrow();
    edition
        .recordReview(
            id,
            FeasibilityReview.allMet(
                "service:green-spaces",
                Money.of(13_500, "EUR"),
                LocalizedText.of("en", "Feasible; a water supply is added.")))
        .orElseThrow();

    clock.set(LocalDateTime.parse("2027-06-05T10:00")); // validation by the executive
    edition.putOnBallot(id, "executive", LocalizedText.of("en", "Validated.")).orElseThrow();

    clock.set(LocalDateTime.parse("2027-06-20T10:00")); // the vote is open
    assertThat(edition.check(ParticipationAction.VOTE).isDone()).isTrue();
    Outcome<ProjectId> late = edition.submit(garden);
    assertThat(late.refusal().orElseThrow().message(Locale.FRENCH))
        .isEqualTo(
            "Déposer une idée n'est pas possible pendant la phase « Campagne et vote »."
                + " Phases qui le permettent : Dépôt des idées de projets.");

    clock.set(LocalDateTime.parse("2027-07-02T10:00")); // proclamation
    edition
        .proclaim(Set.of(id), "executive", LocalizedText.of("en", "Most votes first."))
        .orElseThrow();
    assertThat(edition.get(id).status()).isEqualTo(ProjectStatus.SELECTED);
    assertThat(edition.whatHappened(id).explanation(Locale.FRENCH))
        .isEqualTo(
            "Le 2027-07-02, votre idée a été retenue par le vote : elle est financée (13500 EUR) et sera réalisée.");

    String csv =
        SummaryTable.toCsv(
            edition.projects(), Map.of(id, 1_234L), SummaryTable.Options.excel(Locale.FRENCH));
    assertThat(csv)
        .startsWith(
            "\uFEFFid;title;status;status_label;themes;district;estimated_cost;reviewed_cost;currency;votes;channel\r\n");
    // --8<-- [end:example]
  }

  @Test
  void theGuideShowsThisExampleVerbatim() throws Exception {
    // Surefire runs in the module directory; the guide is at the repository root.
    Path source = Path.of("src/test/java/org/polity/docs/ProcessesGuideExampleTest.java");
    Path guide = Path.of("../docs/processes.md");
    String code = Files.readString(source, StandardCharsets.UTF_8);
    String example =
        code.substring(
            code.indexOf("// --8<-- [start:example]"), code.indexOf("    // --8<-- [end:example]"));
    example = example.substring(example.indexOf('\n') + 1).replaceAll("(?m)^    ", "");
    assertThat(Files.readString(guide, StandardCharsets.UTF_8))
        .contains("```java\n" + example + "```");
  }
}
