package org.polity.app.sample;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.jakarta.news.EventDraft;
import org.polity.jakarta.news.NewsDraft;
import org.polity.jakarta.news.NewsService;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.project.ProjectService;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.standalone.PolityServer;
import org.polity.jakarta.voting.VotingService;
import org.polity.news.Place;
import org.polity.news.Schedule;
import org.polity.project.Author;
import org.polity.project.Channel;
import org.polity.project.FeasibilityCriterion;
import org.polity.project.FeasibilityReview;
import org.polity.project.ProjectLocation;
import org.polity.project.ProjectProposal;
import org.polity.project.ProjectStatus;
import org.polity.voting.VoteSettings;

/**
 * The sample of {@code polity serve --sample}: Ville-sur-Meuse / Maasdorp, a clearly fictional
 * municipality (its points lie in Belgium, but the place, its districts, people and projects are
 * invented), with its shared budget 2027 in the vote phase: 60 feasible projects on the ballot
 * (costs from 5,000 to 144,000 EUR, about 1.8 million EUR in all, so they do not all fit the
 * 450,000 EUR envelope), four themes, three districts, a point for each, the vote open for six
 * weeks, three news items and an event. Texts in French, Dutch and English.
 *
 * <p>It is loaded through the adapter's application services, as staff would do it (process
 * declared, ideas submitted, reviewed feasible, put on the ballot, the vote phase opened and the
 * vote declared), with a sample administrator who also holds the reviewer and participant roles the
 * steps need; never by SQL. It loads only into a database without processes: {@link #load} skips it
 * when it is already there (a second start) and refuses any other database.
 */
public final class SampleMunicipality {

  /** The sample process's id. */
  public static final ProcessId PROCESS = ProcessId.of("ville-sur-meuse-2027");

  /** Its one budget. */
  public static final BudgetId BUDGET = BudgetId.of("ville-sur-meuse-2027");

  /** The envelope, in EUR. */
  public static final long ENVELOPE = 450_000;

  /** What {@link #load} did. */
  public enum Outcome {
    /** The sample was loaded. */
    LOADED,
    /** The sample was already there: nothing changed. */
    ALREADY_THERE
  }

  private static final Caller STAFF =
      Caller.of(
          (Principal) () -> "sample-administrator",
          Set.of(PolityRole.ADMINISTRATOR, PolityRole.REVIEWER, PolityRole.PARTICIPANT));

  private static final String[][] DISTRICTS = {
    // id, name (same in the three languages), longitude, latitude of its centre
    {"Vieux-Bourg", "4.8620", "50.3010"},
    {"Les Prés", "4.8790", "50.3105"},
    {"Moulin", "4.8700", "50.2920"},
  };

  /**
   * A kind of idea, made in each district: {@code %s} in the titles is the district.
   *
   * @param en the English title
   * @param fr the French title
   * @param nl the Dutch title
   * @param theme the theme id
   * @param cost the base cost in EUR
   */
  record Kind(String en, String fr, String nl, String theme, long cost) {}

  private static final List<Kind> KINDS =
      List.of(
          new Kind(
              "A community vegetable garden in %s",
              "Un potager collectif à %s",
              "Een gemeenschappelijke moestuin in %s",
              "greenery",
              12_000),
          new Kind(
              "Fruit trees along the streets of %s",
              "Des arbres fruitiers dans les rues de %s",
              "Fruitbomen langs de straten van %s",
              "greenery",
              18_000),
          new Kind(
              "A pocket park in %s",
              "Un parc de poche à %s", "Een zakpark in %s", "greenery", 45_000),
          new Kind(
              "Green schoolyard in %s",
              "Une cour d’école verte à %s", "Een groene speelplaats in %s", "greenery", 60_000),
          new Kind(
              "Flower meadows on the verges of %s",
              "Des prairies fleuries sur les bas-côtés de %s",
              "Bloemenweides in de bermen van %s",
              "greenery",
              6_000),
          new Kind(
              "Covered bike parking in %s",
              "Un parking vélos couvert à %s",
              "Een overdekte fietsenstalling in %s",
              "mobility",
              30_000),
          new Kind(
              "Safer crossings near the school of %s",
              "Des passages plus sûrs près de l’école de %s",
              "Veiligere oversteekplaatsen bij de school van %s",
              "mobility",
              40_000),
          new Kind(
              "Benches for a walking route in %s",
              "Des bancs pour une promenade à %s",
              "Bankjes voor een wandelroute in %s",
              "mobility",
              9_000),
          new Kind(
              "A cycle path to the station from %s",
              "Une piste cyclable vers la gare depuis %s",
              "Een fietspad naar het station vanuit %s",
              "mobility",
              120_000),
          new Kind(
              "Cargo bikes to share in %s",
              "Des vélos cargos partagés à %s", "Deelbakfietsen in %s", "mobility", 15_000),
          new Kind(
              "A book box in %s",
              "Une boîte à livres à %s", "Een boekenruilkast in %s", "culture", 6_500),
          new Kind(
              "Open-air cinema in %s",
              "Du cinéma en plein air à %s", "Openluchtcinema in %s", "culture", 14_000),
          new Kind(
              "A mural by local artists in %s",
              "Une fresque d’artistes locaux à %s",
              "Een muurschildering door lokale kunstenaars in %s",
              "culture",
              22_000),
          new Kind(
              "A small stage in the square of %s",
              "Une petite scène sur la place de %s",
              "Een klein podium op het plein van %s",
              "culture",
              50_000),
          new Kind(
              "Music lessons for children in %s",
              "Des cours de musique pour enfants à %s",
              "Muzieklessen voor kinderen in %s",
              "culture",
              16_000),
          new Kind(
              "A repair café in %s",
              "Un repair café à %s", "Een repaircafé in %s", "solidarity", 8_000),
          new Kind(
              "A community fridge in %s",
              "Un frigo solidaire à %s", "Een buurtkoelkast in %s", "solidarity", 7_000),
          new Kind(
              "Accessible playground in %s",
              "Une plaine de jeux accessible à %s",
              "Een toegankelijke speeltuin in %s",
              "solidarity",
              85_000),
          new Kind(
              "A meeting room for the elderly in %s",
              "Une salle de rencontre pour les aînés à %s",
              "Een ontmoetingsruimte voor ouderen in %s",
              "solidarity",
              35_000),
          new Kind(
              "Drinking fountains in %s",
              "Des fontaines d’eau potable à %s", "Drinkfonteinen in %s", "solidarity", 11_000));

  private static final double[] COST_FACTORS = {1.0, 1.2, 0.8};

  private SampleMunicipality() {}

  /**
   * The sample's ideas: each kind in each district, 60 in all.
   *
   * @return the proposals, in submission order
   */
  public static List<ProjectProposal> proposals() {
    List<ProjectProposal> proposals = new ArrayList<>();
    String[] names = {"Amina", "Jeanne", "Lucas", "Noor", "Pieter", "Fatou", "Élise", "Bram"};
    for (int k = 0; k < KINDS.size(); k++) {
      Kind kind = KINDS.get(k);
      for (int d = 0; d < DISTRICTS.length; d++) {
        String district = DISTRICTS[d][0];
        double longitude = Double.parseDouble(DISTRICTS[d][1]) + ((k % 5) - 2) * 0.0021;
        double latitude = Double.parseDouble(DISTRICTS[d][2]) + ((k / 5) - 2) * 0.0017;
        proposals.add(
            new ProjectProposal(
                text(
                    kind.en().formatted(district),
                    kind.fr().formatted(district),
                    kind.nl().formatted(district)),
                text(
                    "A fictional idea of the Ville-sur-Meuse sample, for trying Polity out.",
                    "Une idée fictive de l’exemple Ville-sur-Meuse, pour essayer Polity.",
                    "Een verzonnen idee uit het voorbeeld Maasdorp, om Polity uit te proberen."),
                Set.of(kind.theme()),
                Money.of(cost(k, d), "EUR"),
                Optional.of(ProjectLocation.point(longitude, latitude)),
                Optional.of(district),
                List.of(new Author.Resident(names[(k + d) % names.length], 20 + (k * 7 + d) % 60)),
                List.of(),
                new Channel.Online()));
      }
    }
    return List.copyOf(proposals);
  }

  /**
   * The reviewed cost of the idea of a kind in a district, rounded to 500 EUR.
   *
   * @param kind the kind's index
   * @param district the district's index
   * @return the cost in EUR
   */
  static long cost(int kind, int district) {
    long raw = Math.round(KINDS.get(kind).cost() * COST_FACTORS[district]);
    return Math.round(raw / 500.0) * 500;
  }

  /**
   * The process's definition, as {@link ProcessService#declare} reads it.
   *
   * @return the definition
   */
  public static JsonObject definition() {
    String json =
        """
        {"title": {"fr": "Budget partagé 2027 — Ville-sur-Meuse (commune fictive)",
                   "nl": "Gedeeld budget 2027 — Maasdorp (fictieve gemeente)",
                   "en": "Shared Budget 2027 — Ville-sur-Meuse (fictional municipality)"},
         "zone": "Europe/Brussels", "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "FICTIONAL",
                       "name": {"fr": "Ville-sur-Meuse (fictive)", "nl": "Maasdorp (fictief)",
                                "en": "Ville-sur-Meuse (fictional)"},
                       "districts": ["Vieux-Bourg", "Les Prés", "Moulin"]},
         "rules": {"envelope": {"amount": "%d", "currency": "EUR"},
                   "maximumProjectCost": {"amount": "150000", "currency": "EUR"},
                   "themes": [
                     {"id": "greenery", "name": {"en": "Greenery", "fr": "Verdurisation", "nl": "Vergroening"}},
                     {"id": "mobility", "name": {"en": "Mobility", "fr": "Mobilité", "nl": "Mobiliteit"}},
                     {"id": "culture", "name": {"en": "Culture", "fr": "Culture", "nl": "Cultuur"}},
                     {"id": "solidarity", "name": {"en": "Solidarity", "fr": "Solidarité", "nl": "Solidariteit"}}],
                   "minimumAge": 10},
         "budgets": ["%s"],
         "eligibility": {"VOTE": {"everyone": {}}, "SUBMIT": {"everyone": {}}}}
        """
            .formatted(ENVELOPE, BUDGET.value());
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }

  /**
   * Loads the sample into a running server, unless it is already there.
   *
   * @param server the server, started on its database
   * @param now the current instant (the vote opens a day before it, closes six weeks after)
   * @return {@link Outcome#LOADED}, or {@link Outcome#ALREADY_THERE} when the sample's process
   *     exists
   * @throws IllegalStateException when the database holds other processes (the sample goes only
   *     into an empty database), or when a service refuses a step (naming the step and the reason)
   */
  public static Outcome load(PolityServer server, Instant now) {
    ProcessService processes = server.bean(ProcessService.class);
    List<ProcessId> existing =
        processes.list().stream().map(loaded -> loaded.process().id()).toList();
    if (existing.contains(PROCESS)) {
      return Outcome.ALREADY_THERE;
    }
    if (!existing.isEmpty()) {
      throw new IllegalStateException(
          "--sample loads the fictional municipality only into an empty database, but this one"
              + " holds the processes "
              + existing
              + ": start without --sample, or give an empty --data folder (or --database-url).");
    }
    ProjectService projects = server.bean(ProjectService.class);
    ok("declare the process", processes.declare(STAFF, PROCESS, definition()));
    move(processes, "submission");
    List<ProjectProposal> proposals = proposals();
    List<ProjectId> ids = new ArrayList<>();
    List<Long> versions = new ArrayList<>();
    for (ProjectProposal proposal : proposals) {
      ProjectService.ProjectView view =
          ok("submit an idea", projects.submit(STAFF, PROCESS, proposal, Locale.ENGLISH));
      ids.add(view.project().id());
      versions.add(view.version());
    }
    move(processes, "feasibility");
    Map<FeasibilityCriterion, Boolean> checklist = new EnumMap<>(FeasibilityCriterion.class);
    for (FeasibilityCriterion criterion : FeasibilityCriterion.values()) {
      checklist.put(criterion, true);
    }
    LocalizedText feasible =
        text("Feasible as proposed.", "Faisable tel que proposé.", "Haalbaar zoals voorgesteld.");
    for (int i = 0; i < ids.size(); i++) {
      ProjectService.ProjectView started =
          ok(
              "start a review",
              projects.move(
                  STAFF,
                  PROCESS,
                  ids.get(i),
                  versions.get(i),
                  ProjectStatus.UNDER_REVIEW,
                  text("Studied by the services.", "Étudié par les services.", "Bestudeerd.")));
      ProjectService.ProjectView reviewed =
          ok(
              "review an idea",
              projects.review(
                  STAFF,
                  PROCESS,
                  ids.get(i),
                  started.version(),
                  new FeasibilityReview(
                      STAFF.name().orElseThrow(),
                      checklist,
                      proposals.get(i).estimatedCost(),
                      feasible)));
      versions.set(i, reviewed.version());
    }
    move(processes, "validation");
    LocalizedText validated =
        text("Validated for the ballot.", "Validé pour le vote.", "Gevalideerd voor de stemming.");
    for (int i = 0; i < ids.size(); i++) {
      ok(
          "put a project on the ballot",
          projects.move(
              STAFF, PROCESS, ids.get(i), versions.get(i), ProjectStatus.ON_BALLOT, validated));
    }
    move(processes, "vote");
    Instant opens = now.minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
    Instant closes = now.plus(Duration.ofDays(42)).truncatedTo(ChronoUnit.HOURS);
    ok(
        "declare the vote",
        server
            .bean(VotingService.class)
            .declare(
                STAFF,
                VoteSettings.builder(BUDGET)
                    .opens(opens)
                    .closes(closes)
                    .deskEncodingUntil(closes.plus(Duration.ofDays(2)))
                    .changesAllowed(true)
                    .secondEncoderRequired(false)
                    .build(),
                Optional.empty()));
    publishNews(server.bean(NewsService.class), now);
    return Outcome.LOADED;
  }

  private static void publishNews(NewsService news, Instant now) {
    Optional<ProcessId> process = Optional.of(PROCESS);
    ok(
        "publish news",
        news.publish(
            STAFF,
            new NewsDraft(
                text(
                    "60 ideas for Ville-sur-Meuse",
                    "60 idées pour Ville-sur-Meuse",
                    "60 ideeën voor Maasdorp"),
                text(
                    "Residents of our fictional municipality sent 60 ideas; the services found them"
                        + " all feasible.",
                    "Les habitants de notre commune fictive ont proposé 60 idées ; les services"
                        + " les ont toutes jugées faisables.",
                    "De inwoners van onze fictieve gemeente stuurden 60 ideeën in; de diensten"
                        + " vonden ze allemaal haalbaar."),
                Optional.of(now.minus(Duration.ofDays(3))),
                process)));
    ok(
        "publish news",
        news.publish(
            STAFF,
            new NewsDraft(
                text("The vote is open", "Le vote est ouvert", "De stemming is geopend"),
                text(
                    "Choose the projects you want within the 450,000 EUR envelope, until the vote"
                        + " closes. This is a sample: nothing here is real.",
                    "Choisissez les projets que vous voulez dans l’enveloppe de 450 000 EUR,"
                        + " jusqu’à la clôture du vote. Ceci est un exemple : rien n’est réel.",
                    "Kies de projecten die u wilt binnen de enveloppe van 450.000 EUR, tot de"
                        + " stemming sluit. Dit is een voorbeeld: niets is echt."),
                Optional.of(now.minus(Duration.ofDays(1))),
                process)));
    ok(
        "publish news",
        news.publish(
            STAFF,
            new NewsDraft(
                text(
                    "Paper ballots at the town hall",
                    "Des bulletins papier à la maison communale",
                    "Papieren stembiljetten in het gemeentehuis"),
                text(
                    "You can also vote on paper at the (fictional) town hall of Ville-sur-Meuse.",
                    "Vous pouvez aussi voter sur papier à la maison communale (fictive) de"
                        + " Ville-sur-Meuse.",
                    "U kunt ook op papier stemmen in het (fictieve) gemeentehuis van Maasdorp."),
                Optional.of(now),
                process)));
    Instant evening =
        now.plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.DAYS).plusSeconds(17 * 3600);
    ok(
        "announce an event",
        news.announce(
            STAFF,
            new EventDraft(
                text(
                    "Meet the project authors",
                    "Rencontre avec les porteurs de projets",
                    "Ontmoet de indieners van de projecten"),
                text(
                    "An evening to hear the authors of the 60 projects before you vote.",
                    "Une soirée pour écouter les porteurs des 60 projets avant de voter.",
                    "Een avond om de indieners van de 60 projecten te horen voor u stemt."),
                new Schedule(evening, evening.plus(Duration.ofHours(2))),
                Place.named("Salle du Moulin, Ville-sur-Meuse (fictional)"),
                process)));
  }

  private static void move(ProcessService processes, String phase) {
    ok(
        "open the " + phase + " phase",
        processes.move(
            STAFF,
            PROCESS,
            Optional.of(phase),
            text("On schedule.", "Selon le calendrier.", "Volgens planning.")));
  }

  private static <T> T ok(String step, Result<T> result) {
    if (result.refusal().isPresent()) {
      throw new IllegalStateException(
          "Loading the sample failed to "
              + step
              + ": "
              + result.refusal().get().code()
              + " — "
              + result.refusal().get().detail(Locale.ENGLISH));
    }
    return result.orElseThrow();
  }

  private static LocalizedText text(String en, String fr, String nl) {
    return LocalizedText.of("en", en).with("fr", fr).with("nl", nl);
  }
}
