package org.polity.testing;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.process.Envelope;
import org.polity.process.ParticipatoryProcess;
import org.polity.process.PhaseProgression;
import org.polity.process.ProcessKind;
import org.polity.process.ProcessRules;
import org.polity.process.ProcessTemplates;
import org.polity.process.Territory;
import org.polity.process.Theme;
import org.polity.project.Author;
import org.polity.project.Channel;
import org.polity.project.ProjectProposal;

/** Sample editions for tests: the shared-budget pattern of DOMAIN.md section 1, dated in 2027. */
public final class SampleEditions {

  /** The edition's time zone. */
  public static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  /** When each phase of the sample edition opens (the next one's opening is its closing). */
  public static final List<LocalDateTime> OPENINGS =
      List.of(
          LocalDateTime.parse("2027-01-10T00:00"), // information
          LocalDateTime.parse("2027-02-01T00:00"), // submission
          LocalDateTime.parse("2027-03-15T00:00"), // deliberation
          LocalDateTime.parse("2027-04-15T00:00"), // feasibility
          LocalDateTime.parse("2027-06-01T00:00"), // validation
          LocalDateTime.parse("2027-06-15T00:00"), // vote
          LocalDateTime.parse("2027-07-01T00:00"), // proclamation
          LocalDateTime.parse("2027-07-15T00:00"), // budget
          LocalDateTime.parse("2028-01-01T00:00"), // evaluation
          LocalDateTime.parse("2028-02-01T00:00")); // follow-up (open-ended)

  private SampleEditions() {}

  /**
   * The rules: 15 EUR x 34,337 inhabitants, at most 165,000 EUR per project, four themes, from age
   * 10.
   *
   * @return the rules
   */
  public static ProcessRules rules() {
    return ProcessRules.builder()
        .envelope(Envelope.perInhabitant(Money.of(15, "EUR"), 34_337))
        .maximumProjectCost(Money.of(165_000, "EUR"))
        .theme(
            new Theme(
                "greenery",
                LocalizedText.of("en", "Greenery")
                    .with("fr", "Verdurisation")
                    .with("nl", "Vergroening")))
        .theme(
            new Theme(
                "mobility",
                LocalizedText.of("en", "Mobility").with("fr", "Mobilité").with("nl", "Mobiliteit")))
        .theme(
            new Theme(
                "culture",
                LocalizedText.of("en", "Culture").with("fr", "Culture").with("nl", "Cultuur")))
        .theme(
            new Theme(
                "solidarity",
                LocalizedText.of("en", "Solidarity")
                    .with("fr", "Solidarité")
                    .with("nl", "Solidariteit")))
        .minimumAge(10)
        .build();
  }

  /**
   * The territory, with three districts.
   *
   * @return the territory
   */
  public static Territory territory() {
    return new Territory(
        "SAMPLE",
        LocalizedText.of("en", "Sample municipality"),
        List.of("Centre", "North", "South"));
  }

  /**
   * The sample edition with the ten shared-budget phases dated as {@link #OPENINGS}.
   *
   * @param progression how phases move
   * @return the process
   */
  public static ParticipatoryProcess sharedBudget2027(PhaseProgression progression) {
    LocalDateTime[] closings = OPENINGS.subList(1, OPENINGS.size()).toArray(LocalDateTime[]::new);
    return ParticipatoryProcess.builder(ProcessId.of("sb-2027"))
        .kind(ProcessKind.PARTICIPATORY_BUDGET)
        .title(
            LocalizedText.of("en", "Shared Budget 2027")
                .with("fr", "Budget partagé 2027")
                .with("nl", "Gedeeld budget 2027"))
        .territory(territory())
        .zone(BRUSSELS)
        .rules(rules())
        .phases(ProcessTemplates.sharedBudget().withSchedule(OPENINGS.get(0), closings).phases())
        .progression(progression)
        .build();
  }

  /**
   * A valid idea.
   *
   * @param title its English title
   * @param cost its cost in EUR
   * @return the proposal
   */
  public static ProjectProposal idea(String title, long cost) {
    return ProjectProposal.builder()
        .title(LocalizedText.of("en", title).with("fr", "FR " + title).with("nl", "NL " + title))
        .description(LocalizedText.of("en", "About " + title))
        .theme("greenery")
        .estimatedCost(Money.of(cost, "EUR"))
        .district("Centre")
        .author(new Author.Resident("Amina", 34))
        .channel(new Channel.Online())
        .build();
  }
}
