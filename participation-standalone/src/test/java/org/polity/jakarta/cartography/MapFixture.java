package org.polity.jakarta.cartography;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import org.polity.cartography.Initiative;
import org.polity.cartography.InitiativeDetails;
import org.polity.cartography.InitiativeKind;
import org.polity.cartography.InitiativeRegistry;
import org.polity.cartography.OrganiserType;
import org.polity.cartography.Period;
import org.polity.cartography.Place;
import org.polity.cartography.Scale;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.process.ParticipatoryProcess;
import org.polity.process.PhaseProgression;
import org.polity.process.ProcessKind;
import org.polity.process.ProcessRules;
import org.polity.process.ProcessTemplates;
import org.polity.process.Territory;
import org.polity.process.Theme;
import org.polity.project.Author;
import org.polity.project.Channel;
import org.polity.project.Edition;
import org.polity.project.ProjectLocation;
import org.polity.project.ProjectProposal;

/** Generated map content for the HTTP tests (fixed seed). */
final class MapFixture {

  private MapFixture() {}

  /**
   * Generates {@code count} initiatives across Brussels (about 90% published) and stores them in
   * the server's database, in one transaction.
   */
  static void store(Initiatives initiatives, int count, long seed) {
    InitiativeRegistry generated = new InitiativeRegistry(java.time.Clock.systemUTC());
    initiatives(generated, count, seed);
    List<Initiative> all = new java.util.ArrayList<>();
    for (int i = 1; i <= count; i++) {
      all.add(
          generated
              .get(org.polity.cartography.InitiativeId.of(String.format("ini-%08d", i)))
              .orElseThrow());
    }
    initiatives.importAll(all);
  }

  /** Proposes {@code count} initiatives across Brussels, publishes about 90% of them. */
  static void initiatives(InitiativeRegistry registry, int count, long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < count; i++) {
      LocalDate start = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(3000));
      InitiativeDetails details =
          InitiativeDetails.builder()
              .title(LocalizedText.of("fr", "Initiative " + i).with("nl", "Initiatief " + i))
              .kind(InitiativeKind.values()[random.nextInt(InitiativeKind.values().length)])
              .organiser(
                  "Organisateur " + random.nextInt(30), OrganiserType.values()[random.nextInt(4)])
              .theme(List.of("mobility", "housing", "culture").get(random.nextInt(3)))
              .scale(Scale.values()[random.nextInt(3)])
              .period(
                  random.nextBoolean()
                      ? Period.between(start, start.plusDays(random.nextInt(200)))
                      : Period.ongoingSince(start))
              .place(
                  Place.point(
                      4.24 + random.nextDouble() * 0.24, 50.76 + random.nextDouble() * 0.15))
              .build();
      Initiative proposed = registry.propose("organiser-" + (i % 7), details);
      if (random.nextInt(10) != 0) {
        registry.publish(proposed.id(), "moderator-1").orElseThrow();
      }
    }
  }

  /** An open edition (submission phase) with located projects. */
  static Edition edition(int projects) {
    LocalDateTime[] openings = {
      LocalDateTime.parse("2027-01-10T00:00"), LocalDateTime.parse("2027-02-01T00:00"),
      LocalDateTime.parse("2027-03-15T00:00"), LocalDateTime.parse("2027-04-15T00:00"),
      LocalDateTime.parse("2027-06-01T00:00"), LocalDateTime.parse("2027-06-15T00:00"),
      LocalDateTime.parse("2027-07-01T00:00"), LocalDateTime.parse("2027-07-15T00:00"),
      LocalDateTime.parse("2028-01-01T00:00"), LocalDateTime.parse("2028-02-01T00:00")
    };
    ParticipatoryProcess process =
        ParticipatoryProcess.builder(ProcessId.of("sb-2027"))
            .kind(ProcessKind.PARTICIPATORY_BUDGET)
            .title(LocalizedText.of("en", "Shared Budget 2027").with("fr", "Budget partagé 2027"))
            .territory(
                new Territory(
                    "SAMPLE", LocalizedText.of("en", "Sample"), List.of("Centre", "North")))
            .zone(ZoneId.of("Europe/Brussels"))
            .rules(
                ProcessRules.builder()
                    .envelope(
                        org.polity.process.Envelope.perInhabitant(Money.of(15, "EUR"), 34_337))
                    .maximumProjectCost(Money.of(165_000, "EUR"))
                    .theme(new Theme("greenery", LocalizedText.of("en", "Greenery")))
                    .minimumAge(10)
                    .build())
            .phases(
                ProcessTemplates.sharedBudget()
                    .withSchedule(
                        openings[0], java.util.Arrays.copyOfRange(openings, 1, openings.length))
                    .phases())
            .progression(PhaseProgression.BY_DATES)
            .build();
    Edition edition =
        new Edition(process, Clock.fixed(Instant.parse("2027-02-02T09:00:00Z"), ZoneOffset.UTC));
    Random random = new Random(7);
    for (int i = 0; i < projects; i++) {
      edition
          .submit(
              ProjectProposal.builder()
                  .title(LocalizedText.of("en", "Project " + i))
                  .description(LocalizedText.of("en", "About project " + i))
                  .theme("greenery")
                  .estimatedCost(Money.of(1_000 + i, "EUR"))
                  .district("Centre")
                  .location(
                      ProjectLocation.point(
                          4.30 + random.nextDouble() * 0.1, 50.80 + random.nextDouble() * 0.1))
                  .author(new Author.Resident("Resident " + i, 30))
                  .channel(new Channel.Online())
                  .build())
          .orElseThrow();
    }
    return edition;
  }
}
