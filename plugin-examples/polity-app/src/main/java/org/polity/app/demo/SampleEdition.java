package org.polity.app.demo;

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
import org.polity.project.FeasibilityCriterion;
import org.polity.project.ProjectLocation;

/**
 * The sample edition: a Brussels-like municipality of 34,337 inhabitants sharing 15 EUR each
 * (515,055 EUR), projects of at most 165,000 EUR, authors from age 10, the ten shared-budget steps
 * dated in 2027, and a dozen ideas.
 */
public final class SampleEdition {

  /** The time zone of the edition. */
  public static final ZoneId ZONE = ZoneId.of("Europe/Brussels");

  private SampleEdition() {}

  /**
   * The process: the shared-budget template, dated, moved by its dates.
   *
   * @return the process
   */
  public static ParticipatoryProcess process() {
    ProcessRules rules =
        ProcessRules.builder()
            .envelope(Envelope.perInhabitant(Money.of(15, "EUR"), 34_337))
            .maximumProjectCost(Money.of(165_000, "EUR"))
            .theme(new Theme("greenery", text("Greenery", "Verdurisation", "Vergroening")))
            .theme(new Theme("mobility", text("Mobility", "Mobilité", "Mobiliteit")))
            .theme(new Theme("culture", text("Culture", "Culture", "Cultuur")))
            .theme(new Theme("solidarity", text("Solidarity", "Solidarité", "Solidariteit")))
            .minimumAge(10)
            .build();
    return ParticipatoryProcess.builder(ProcessId.of("sb-2027"))
        .kind(ProcessKind.PARTICIPATORY_BUDGET)
        .title(text("Shared Budget 2027", "Budget partagé 2027", "Gedeeld budget 2027"))
        .territory(
            new Territory(
                "SAMPLE",
                text("Sample municipality", "Commune exemple", "Voorbeeldgemeente"),
                List.of("Centre", "North", "South")))
        .zone(ZONE)
        .rules(rules)
        .phases(
            ProcessTemplates.sharedBudget()
                .withSchedule(
                    date("2027-01-10"),
                    date("2027-02-01"),
                    date("2027-03-15"),
                    date("2027-04-15"),
                    date("2027-06-01"),
                    date("2027-06-15"),
                    date("2027-07-01"),
                    date("2027-07-15"),
                    date("2028-01-01"),
                    date("2028-02-01"))
                .phases())
        .progression(PhaseProgression.BY_DATES)
        .build();
  }

  /**
   * How the services answer an idea in the demo.
   *
   * @param reviewedCost the services' estimate in EUR
   * @param failed the criteria not met (none: feasible)
   * @param answer the public answer
   */
  public record Review(
      long reviewedCost, List<FeasibilityCriterion> failed, LocalizedText answer) {}

  /**
   * A sample idea.
   *
   * @param title the title
   * @param theme the theme id
   * @param cost the authors' estimate in EUR
   * @param district the district
   * @param location where
   * @param author the author
   * @param channel how it came
   * @param duplicateOf the index of the idea it duplicates, or -1
   * @param review how the services answer it
   */
  public record Idea(
      LocalizedText title,
      String theme,
      long cost,
      String district,
      ProjectLocation location,
      Author author,
      Channel channel,
      int duplicateOf,
      Review review) {}

  private static final LocalizedText FEASIBLE =
      text("Feasible as proposed.", "Faisable tel que proposé.", "Haalbaar zoals voorgesteld.");

  /**
   * The ideas, in submission order.
   *
   * @return the ideas
   */
  public static List<Idea> ideas() {
    Channel online = new Channel.Online();
    Channel paper = new Channel.PaperForm("staff:marc");
    Channel assembly = new Channel.Assembly("Citizens' assembly");
    return List.of(
        new Idea(
            text(
                "A community vegetable garden",
                "Un potager collectif",
                "Een gemeenschappelijke moestuin"),
            "greenery",
            12_000,
            "North",
            ProjectLocation.point(4.3391, 50.8612),
            new Author.Resident("Amina", 34),
            online,
            -1,
            new Review(12_000, List.of(), FEASIBLE)),
        new Idea(
            text(
                "Covered bike parking at the station",
                "Un parking vélos couvert à la gare",
                "Een overdekte fietsenstalling aan het station"),
            "mobility",
            30_000,
            "South",
            ProjectLocation.point(4.3412, 50.8356),
            new Author.Resident("Jeanne", 71),
            paper,
            -1,
            new Review(
                34_500,
                List.of(),
                text(
                    "Feasible; the cost includes lighting.",
                    "Faisable ; le coût comprend l'éclairage.",
                    "Haalbaar; de kostprijs omvat verlichting."))),
        new Idea(
            text(
                "Bike shelters near the station",
                "Des abris vélos près de la gare",
                "Fietsenstallingen bij het station"),
            "mobility",
            25_000,
            "South",
            null,
            new Author.Resident("Luc", 45),
            online,
            1,
            null),
        new Idea(
            text(
                "Trees along Church Street",
                "Des arbres rue de l'Église",
                "Bomen in de Kerkstraat"),
            "greenery",
            95_000,
            "Centre",
            ProjectLocation.fromWkt(
                "POLYGON ((4.350 50.849, 4.360 50.849, 4.360 50.851, 4.350 50.851, 4.350 50.849))"),
            new Author.NeighbourhoodAssembly("Centre neighbourhood"),
            assembly,
            -1,
            new Review(98_000, List.of(), FEASIBLE)),
        new Idea(
            text(
                "A music kiosk in the park",
                "Un kiosque à musique au parc",
                "Een muziekkiosk in het park"),
            "culture",
            60_000,
            "Centre",
            null,
            new Author.Association("Harmonie communale"),
            online,
            -1,
            new Review(60_000, List.of(), FEASIBLE)),
        new Idea(
            text(
                "Public toilets on the market square",
                "Des toilettes publiques place du Marché",
                "Openbare toiletten op de Marktplein"),
            "solidarity",
            140_000,
            "Centre",
            null,
            new Author.Resident("Samir", 52),
            online,
            -1,
            new Review(140_000, List.of(), FEASIBLE)),
        new Idea(
            text("A municipal swimming pool", "Une piscine communale", "Een gemeentelijk zwembad"),
            "culture",
            2_400_000,
            "North",
            null,
            new Author.Resident("Noah", 16),
            online,
            -1,
            new Review(
                2_400_000,
                List.of(FeasibilityCriterion.WITHIN_MAXIMUM_COST),
                text(
                    "A pool costs far more than a project may.",
                    "Une piscine coûte bien plus qu'un projet ne peut coûter.",
                    "Een zwembad kost veel meer dan een project mag kosten."))),
        new Idea(
            text("Extend the tram line", "Prolonger la ligne de tram", "De tramlijn verlengen"),
            "mobility",
            900_000,
            "South",
            null,
            new Author.Resident("Eva", 29),
            paper,
            -1,
            new Review(
                900_000,
                List.of(
                    FeasibilityCriterion.WITHIN_COMPETENCE,
                    FeasibilityCriterion.WITHIN_MAXIMUM_COST),
                text(
                    "Public transport is a regional competence.",
                    "Les transports publics sont une compétence régionale.",
                    "Openbaar vervoer is een gewestelijke bevoegdheid."))),
        new Idea(
            text("Renovate the playground", "Rénover la plaine de jeux", "De speeltuin renoveren"),
            "solidarity",
            150_000,
            "North",
            null,
            new Author.Association("Parents du quartier Nord"),
            online,
            -1,
            new Review(
                158_000,
                List.of(),
                text(
                    "Feasible; safety flooring added.",
                    "Faisable ; sol amortissant ajouté.",
                    "Haalbaar; valdempende ondergrond toegevoegd."))),
        new Idea(
            text(
                "Book boxes in every district",
                "Des boîtes à livres dans chaque quartier",
                "Boekenkastjes in elke wijk"),
            "culture",
            4_000,
            "Centre",
            null,
            new Author.Resident("Marie", 12),
            paper,
            -1,
            new Review(4_500, List.of(), FEASIBLE)),
        new Idea(
            text("A repair café", "Un repair café", "Een repaircafé"),
            "solidarity",
            18_000,
            "South",
            null,
            new Author.Association("Repair Together"),
            online,
            -1,
            new Review(18_000, List.of(), FEASIBLE)),
        new Idea(
            text(
                "Safe crossings near schools",
                "Des traversées sécurisées près des écoles",
                "Veilige oversteekplaatsen bij scholen"),
            "mobility",
            120_000,
            "North",
            null,
            new Author.Resident("Pieter", 41),
            online,
            -1,
            new Review(120_000, List.of(), FEASIBLE)),
        new Idea(
            text(
                "Rain gardens instead of asphalt",
                "Des jardins de pluie au lieu de l'asphalte",
                "Regentuinen in plaats van asfalt"),
            "greenery",
            80_000,
            "South",
            null,
            new Author.Resident("Lina", 38),
            assembly,
            -1,
            new Review(80_000, List.of(), FEASIBLE)),
        new Idea(
            text(
                "A parking garage for cars",
                "Un parking pour voitures",
                "Een parkeergarage voor auto's"),
            "mobility",
            160_000,
            "Centre",
            null,
            new Author.Resident("Marc", 60),
            online,
            -1,
            new Review(
                160_000,
                List.of(FeasibilityCriterion.PUBLIC_INTEREST, FeasibilityCriterion.WITHIN_THEMES),
                text(
                    "Parking does not serve this year's themes.",
                    "Un parking ne sert pas les thèmes de cette année.",
                    "Een parking dient de thema's van dit jaar niet."))));
  }

  /**
   * An idea from a resident below the minimum age, which the edition refuses.
   *
   * @return the idea
   */
  public static Idea tooYoung() {
    return new Idea(
        text("A skate park", "Un skatepark", "Een skatepark"),
        "culture",
        90_000,
        "South",
        null,
        new Author.Resident("Tom", 9),
        new Channel.Online(),
        -1,
        null);
  }

  /**
   * A text in English, French and Dutch.
   *
   * @param en English
   * @param fr French
   * @param nl Dutch
   * @return the text
   */
  public static LocalizedText text(String en, String fr, String nl) {
    return LocalizedText.of("en", en).with("fr", fr).with("nl", nl);
  }

  private static LocalDateTime date(String day) {
    return LocalDateTime.parse(day + "T00:00");
  }
}
