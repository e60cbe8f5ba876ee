package org.polity.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProjectId;
import org.polity.process.Outcome;
import org.polity.process.PhaseProgression;
import org.polity.process.Refusal;
import org.polity.testing.MutableClock;
import org.polity.testing.SampleEditions;

class EditionTest {

  private static final Locale DUTCH = Locale.forLanguageTag("nl");
  private static final LocalizedText OK = LocalizedText.of("en", "Decision of the executive.");

  private MutableClock clock;
  private Edition edition;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(Instant.parse("2027-02-02T09:00:00Z"), SampleEditions.BRUSSELS);
    edition = new Edition(SampleEditions.sharedBudget2027(PhaseProgression.BY_STAFF), clock);
  }

  private void open(String phase) {
    clock.advance(Duration.ofDays(1));
    edition.calendar().open(phase, "staff:lea", OK).orElseThrow();
  }

  private ProjectId submit(String title, long cost) {
    return edition.submit(SampleEditions.idea(title, cost)).orElseThrow();
  }

  private static FeasibilityReview feasible(long cost) {
    return FeasibilityReview.allMet(
        "service:works", Money.of(cost, "EUR"), LocalizedText.of("en", "Good idea."));
  }

  @Test
  void ideasComeOnlineOnPaperOrFromAnAssemblyAndRecordTheirChannel() {
    open("submission");
    ProjectId online = submit("Benches", 5_000);
    ProjectProposal paper =
        ProjectProposal.builder()
            .title(
                LocalizedText.of("fr", "Un potager collectif")
                    .with("nl", "Een gemeenschappelijke moestuin"))
            .description(LocalizedText.of("fr", "Des bacs au parc."))
            .theme("greenery")
            .theme("solidarity")
            .estimatedCost(Money.of(12_000, "EUR"))
            .location(ProjectLocation.point(4.3387, 50.8427))
            .district("North")
            .author(new Author.Resident("Jeanne", 71))
            .author(new Author.Association("Les Amis du Parc"))
            .attachment(
                new Attachment(
                    "form.pdf",
                    "application/pdf",
                    182_044,
                    URI.create("file:///scans/form-17.pdf")))
            .channel(new Channel.PaperForm("staff:marc"))
            .build();
    ProjectId fromPaper = edition.submit(paper).orElseThrow();
    ProjectId fromAssembly =
        edition
            .submit(
                ProjectProposal.builder()
                    .title(LocalizedText.of("nl", "Fietsenstalling"))
                    .description(LocalizedText.of("nl", "Een overdekte fietsenstalling."))
                    .theme("mobility")
                    .estimatedCost(Money.of(30_000, "EUR"))
                    .author(new Author.NeighbourhoodAssembly("South neighbourhood"))
                    .channel(new Channel.Assembly("Citizens' assembly"))
                    .build())
            .orElseThrow();

    assertThat(List.of(online, fromPaper, fromAssembly))
        .extracting(ProjectId::value)
        .containsExactly("sb-2027-001", "sb-2027-002", "sb-2027-003");
    Project project = edition.get(fromPaper);
    assertThat(project.status()).isEqualTo(ProjectStatus.SUBMITTED);
    assertThat(project.channel()).isEqualTo(new Channel.PaperForm("staff:marc"));
    assertThat(project.history())
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.actor()).isEqualTo("staff:marc");
              assertThat(change.at()).isEqualTo(clock.instant());
              assertThat(change.why().in(Locale.FRENCH))
                  .isEqualTo("Déposé sur formulaire papier, encodé par l'administration.");
            });
    assertThat(project.proposal().location())
        .get()
        .extracting(ProjectLocation::isPoint)
        .isEqualTo(true);
    assertThat(project.proposal().attachments())
        .singleElement()
        .extracting(Attachment::sizeBytes)
        .isEqualTo(182_044L);
    assertThat(edition.get(fromAssembly).history().get(0).actor()).isEqualTo("Citizens' assembly");
  }

  @Test
  void submittingOutsideTheSubmissionPhaseIsRefusedAndChangesNothing() {
    open("deliberation");
    Outcome<ProjectId> late = edition.submit(SampleEditions.idea("Late idea", 1_000));
    assertThat(late.refusal())
        .get()
        .extracting(Refusal::code)
        .isEqualTo("process.action-not-allowed");
    assertThat(late.refusal().get().message(DUTCH))
        .isEqualTo(
            "Een idee indienen is niet mogelijk tijdens de fase \"De burgerassemblee werkt aan de ideeën\". Fasen die het toelaten: Indienen van projectideeën.");
    assertThat(edition.projects()).isEmpty();
  }

  @Test
  void residentsUnderTheMinimumAgeAreRefused() {
    open("submission");
    ProjectProposal child =
        ProjectProposal.builder()
            .title(LocalizedText.of("en", "Skate park"))
            .description(LocalizedText.of("en", "A skate park."))
            .theme("culture")
            .estimatedCost(Money.of(90_000, "EUR"))
            .author(new Author.Resident("Tom", 9))
            .build();
    Outcome<ProjectId> outcome = edition.submit(child);
    assertThat(outcome.refusal())
        .get()
        .extracting(Refusal::code)
        .isEqualTo("project.author-too-young");
    assertThat(outcome.refusal().get().message(Locale.FRENCH))
        .isEqualTo("Tom a 9 ans : les auteurs doivent avoir au moins 10 ans dans cette édition.");
    assertThat(edition.projects()).isEmpty();
  }

  @Test
  void badInputGetsASpecificErrorAndChangesNothing() {
    open("submission");
    assertThatThrownBy(() -> LocalizedText.of("fr", "  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The text for language 'fr' is blank: give a non-blank text or leave the language out.");
    assertThatThrownBy(() -> SampleEditions.idea("Negative", -5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("The estimated cost -5 EUR is negative: give an amount of zero or more.");
    ProjectProposal unknownTheme =
        ProjectProposal.builder()
            .title(LocalizedText.of("en", "Bees"))
            .description(LocalizedText.of("en", "Beehives."))
            .theme("nature")
            .estimatedCost(Money.of(2_000, "EUR"))
            .author(new Author.Resident("Ann", 40))
            .build();
    assertThatThrownBy(() -> edition.submit(unknownTheme))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The theme 'nature' is not a theme of edition sb-2027: use one of [greenery, mobility, culture, solidarity].");
    ProjectProposal dollars =
        ProjectProposal.builder()
            .title(LocalizedText.of("en", "Bees"))
            .description(LocalizedText.of("en", "Beehives."))
            .theme("greenery")
            .estimatedCost(Money.of(2_000, "USD"))
            .author(new Author.Resident("Ann", 40))
            .build();
    assertThatThrownBy(() -> edition.submit(dollars))
        .hasMessage(
            "The estimated cost 2000 USD is not in the edition's currency (EUR): give it in EUR.");
    ProjectProposal nowhere =
        ProjectProposal.builder()
            .title(LocalizedText.of("en", "Bees"))
            .description(LocalizedText.of("en", "Beehives."))
            .theme("greenery")
            .estimatedCost(Money.of(2_000, "EUR"))
            .district("Atlantis")
            .author(new Author.Resident("Ann", 40))
            .build();
    assertThatThrownBy(() -> edition.submit(nowhere))
        .hasMessage(
            "The district 'Atlantis' is not a district of SAMPLE: use one of [Centre, North, South].");
    assertThatThrownBy(
            () ->
                ProjectProposal.builder()
                    .title(LocalizedText.of("en", "Bees"))
                    .description(LocalizedText.of("en", "Beehives."))
                    .estimatedCost(Money.of(2_000, "EUR"))
                    .build())
        .hasMessage("The idea has no author: give at least one resident, association or assembly.");
    assertThat(edition.projects()).isEmpty();
    assertThat(submit("Valid", 1_000).value()).isEqualTo("sb-2027-001");
  }

  @Test
  void theFeasibilityReviewDecidesFeasibleOrNotWithTheFailedCriteriaAsReason() {
    open("submission");
    ProjectId good = submit("Trees", 40_000);
    ProjectId tooDear = submit("Swimming pool", 150_000);
    open("feasibility");
    edition.startReview(good, "service:green").orElseThrow();
    edition.startReview(tooDear, "service:works").orElseThrow();

    Project reviewed = edition.recordReview(good, feasible(45_000)).orElseThrow();
    assertThat(reviewed.status()).isEqualTo(ProjectStatus.FEASIBLE);
    assertThat(reviewed.cost()).isEqualTo(Money.of(45_000, "EUR"));
    assertThat(reviewed.estimatedCost()).isEqualTo(Money.of(40_000, "EUR"));

    FeasibilityReview no =
        FeasibilityReview.failing(
            "service:works",
            Money.of(2_400_000, "EUR"),
            LocalizedText.of("en", "A pool is a regional matter and costs far more.")
                .with("fr", "Une piscine relève de la Région et coûte bien plus."),
            FeasibilityCriterion.WITHIN_COMPETENCE,
            FeasibilityCriterion.WITHIN_MAXIMUM_COST);
    Project rejected = edition.recordReview(tooDear, no).orElseThrow();
    assertThat(rejected.status()).isEqualTo(ProjectStatus.NOT_FEASIBLE);
    assertThat(rejected.lastChange().why().in(Locale.ENGLISH))
        .isEqualTo(
            "Criteria not met: within the municipality's competence, within the maximum cost per project. A pool is a regional matter and costs far more.");
    assertThat(rejected.lastChange().why().in(Locale.FRENCH))
        .isEqualTo(
            "Critères non remplis : dans les compétences de la commune, dans le coût maximum par projet. Une piscine relève de la Région et coûte bien plus.");
    assertThat(rejected.review())
        .get()
        .extracting(FeasibilityReview::failedCriteria)
        .isEqualTo(
            List.of(
                FeasibilityCriterion.WITHIN_COMPETENCE, FeasibilityCriterion.WITHIN_MAXIMUM_COST));
  }

  @Test
  void aChecklistThatContradictsTheCostIsRefused() {
    open("submission");
    ProjectId id = submit("Square", 100_000);
    open("feasibility");
    edition.startReview(id, "service:works").orElseThrow();
    Project before = edition.get(id);
    assertThatThrownBy(() -> edition.recordReview(id, feasible(170_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The checklist says the cost criterion is met, but the estimate 170000 EUR is above the maximum 165000 EUR: correct the checklist or the estimate.");
    assertThat(edition.get(id)).isEqualTo(before);
    assertThatThrownBy(
            () -> new FeasibilityReview("service:works", Map.of(), Money.of(1, "EUR"), OK))
        .hasMessageStartingWith("The checklist of service:works does not answer [ON_TERRITORY,");
  }

  @Test
  void illegalMovesNameTheMoveAndTheAllowedOnesAndChangeNothing() {
    open("submission");
    ProjectId id = submit("Lamps", 10_000);
    open("deliberation");
    Project before = edition.get(id);
    Outcome<Project> outcome = edition.putOnBallot(id, "staff:lea", OK);
    assertThat(outcome.refusal())
        .get()
        .extracting(Refusal::code)
        .isEqualTo("project.move-not-allowed");
    assertThat(outcome.refusal().get().message(Locale.ENGLISH))
        .isEqualTo(
            "Project sb-2027-001 cannot go from \"Submitted\" to \"On the ballot\". From \"Submitted\" it can go to: Under review, Merged.");
    assertThat(outcome.refusal().get().message(Locale.FRENCH))
        .isEqualTo(
            "Le projet sb-2027-001 ne peut pas passer de « Déposé » à « Soumis au vote ». Depuis « Déposé », il peut passer à : En cours d'analyse, Fusionné.");
    assertThat(edition.get(id)).isEqualTo(before);
    Outcome<Project> review = edition.startReview(id, "service:works");
    assertThat(review.refusal())
        .get()
        .extracting(Refusal::code)
        .isEqualTo("process.action-not-allowed");
    assertThat(edition.get(id)).isEqualTo(before);
  }

  @Test
  void duplicatesAreMergedBeforeTheVoteAndTheTargetKnowsIt() {
    open("submission");
    ProjectId first = submit("Bike racks", 20_000);
    ProjectId duplicate = submit("More bike racks", 25_000);
    open("deliberation");
    Project merged =
        edition
            .merge(duplicate, first, "assembly", LocalizedText.of("en", "Same idea."))
            .orElseThrow();
    assertThat(merged.status()).isEqualTo(ProjectStatus.MERGED);
    assertThat(merged.mergedInto()).contains(first);
    assertThat(edition.get(first).mergedFrom()).containsExactly(duplicate);
    assertThat(merged.lastChange().why().in(Locale.ENGLISH))
        .isEqualTo("Merged into project sb-2027-001 \"Bike racks\". Same idea.");
    assertThat(edition.whatHappened(duplicate).explanation(Locale.ENGLISH))
        .isEqualTo(
            "On 2027-02-04 your idea was merged with a similar one, which carries it on. Merged into project sb-2027-001 \"Bike racks\". Same idea.");

    Outcome<Project> intoMerged = edition.merge(first, duplicate, "assembly", OK);
    assertThat(intoMerged.refusal())
        .get()
        .extracting(Refusal::code)
        .isEqualTo("project.merge-target-closed");
    assertThatThrownBy(() -> edition.merge(first, first, "assembly", OK))
        .hasMessage("Project sb-2027-001 cannot be merged into itself: name another project.");
  }

  @Test
  void votingCannotOpenWhileProjectsAreUnderReviewOrWithAnEmptyBallot() {
    open("submission");
    ProjectId a = submit("Trees", 40_000);
    ProjectId b = submit("Benches", 8_000);
    open("feasibility");
    edition.startReview(a, "service:green").orElseThrow();

    Outcome<?> early = edition.calendar().open("vote", "staff:lea", OK);
    assertThat(early.refusal())
        .get()
        .extracting(Refusal::code)
        .isEqualTo("edition.projects-under-review");
    assertThat(early.refusal().get().message(Locale.ENGLISH))
        .isEqualTo(
            "The phase \"Campaign and vote\" cannot open while 2 project(s) still wait for their feasibility review: sb-2027-001, sb-2027-002.");
    assertThat(edition.calendar().current().orElseThrow().id()).isEqualTo("feasibility");

    edition.recordReview(a, feasible(40_000)).orElseThrow();
    edition.startReview(b, "service:works").orElseThrow();
    edition
        .recordReview(
            b,
            FeasibilityReview.failing(
                "service:works", Money.of(8_000, "EUR"), OK, FeasibilityCriterion.PUBLIC_INTEREST))
        .orElseThrow();
    Outcome<?> empty = edition.calendar().open("vote", "staff:lea", OK);
    assertThat(empty.refusal()).get().extracting(Refusal::code).isEqualTo("edition.ballot-empty");

    edition.putOnBallot(a, "executive", OK).orElseThrow();
    assertThat(edition.calendar().open("vote", "staff:lea", OK).isDone()).isTrue();
  }

  @Test
  void byDatesTheReviewPhaseIsHeldPastItsEndUntilEveryIdeaIsReviewed() {
    Edition byDates =
        new Edition(SampleEditions.sharedBudget2027(PhaseProgression.BY_DATES), clock);
    clock.set(java.time.LocalDateTime.parse("2027-02-10T10:00"));
    ProjectId id = byDates.submit(SampleEditions.idea("Trees", 40_000)).orElseThrow();
    clock.set(java.time.LocalDateTime.parse("2027-06-20T10:00"));

    assertThat(byDates.calendar().current().orElseThrow().id()).isEqualTo("feasibility");
    Refusal hold = byDates.calendar().hold().orElseThrow();
    assertThat(hold.code()).isEqualTo("edition.projects-under-review");
    assertThat(hold.message(Locale.ENGLISH))
        .isEqualTo(
            "The phase \"Validation by the executive\" cannot open while 1 project(s) still wait for their feasibility review: sb-2027-001.");

    byDates.startReview(id, "service:green").orElseThrow();
    byDates.recordReview(id, feasible(40_000)).orElseThrow();
    // Validation closed on 15 June by its dates, but the vote is held (empty ballot): validation
    // stays current.
    assertThat(byDates.calendar().current().orElseThrow().id()).isEqualTo("validation");
    assertThat(byDates.calendar().hold())
        .get()
        .extracting(Refusal::code)
        .isEqualTo("edition.ballot-empty");
    byDates.putOnBallot(id, "executive", OK).orElseThrow();
    assertThat(byDates.calendar().current().orElseThrow().id()).isEqualTo("vote");
    assertThat(byDates.calendar().history())
        .extracting(org.polity.process.PhaseMove::to)
        .endsWith("feasibility", "validation", "vote");
  }

  @Test
  void theBallotIsFrozenOnceVotingOpensAndResultsWaitForItsEnd() {
    open("submission");
    ProjectId a = submit("Trees", 40_000);
    ProjectId b = submit("Benches", 8_000);
    open("feasibility");
    for (ProjectId id : List.of(a, b)) {
      edition.startReview(id, "service:green").orElseThrow();
      edition
          .recordReview(id, feasible(edition.get(id).estimatedCost().amount().longValue()))
          .orElseThrow();
    }
    open("validation");
    edition.putOnBallot(a, "executive", OK).orElseThrow();
    open("vote");

    Outcome<Project> late = edition.putOnBallot(b, "executive", OK);
    assertThat(late.refusal()).get().extracting(Refusal::code).isEqualTo("project.ballot-frozen");
    assertThat(late.refusal().get().message(Locale.ENGLISH))
        .isEqualTo(
            "Project sb-2027-002 cannot change now: the phase \"Campaign and vote\" has opened, so the ballot is fixed.");
    Outcome<List<Project>> early = edition.proclaim(Set.of(a), "executive", OK);
    assertThat(early.refusal()).get().extracting(Refusal::code).isEqualTo("project.vote-not-over");

    open("proclamation");
    Outcome<List<Project>> notOnBallot = edition.proclaim(Set.of(a, b), "executive", OK);
    assertThat(notOnBallot.refusal())
        .get()
        .extracting(Refusal::code)
        .isEqualTo("project.not-on-ballot");
    assertThat(edition.get(a).status()).isEqualTo(ProjectStatus.ON_BALLOT);

    List<Project> results =
        edition
            .proclaim(Set.of(a), "executive", LocalizedText.of("en", "Most votes first."))
            .orElseThrow();
    assertThat(results).extracting(Project::id).containsExactly(a);
    assertThat(edition.get(a).status()).isEqualTo(ProjectStatus.SELECTED);
    assertThat(edition.get(b).status()).isEqualTo(ProjectStatus.FEASIBLE);
  }

  @Test
  void proclaimedProjectsMustFitTheEnvelope() {
    open("submission");
    List<ProjectId> ids = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(submit("Project " + i, 160_000));
    }
    open("feasibility");
    for (ProjectId id : ids) {
      edition.startReview(id, "service:works").orElseThrow();
      edition.recordReview(id, feasible(160_000)).orElseThrow();
    }
    open("validation");
    ids.forEach(id -> edition.putOnBallot(id, "executive", OK).orElseThrow());
    open("vote");
    open("proclamation");
    Outcome<List<Project>> all = edition.proclaim(Set.copyOf(ids), "executive", OK);
    assertThat(all.refusal().get().message(Locale.ENGLISH))
        .isEqualTo(
            "The selected projects cost 640000 EUR together, more than the envelope of 515055 EUR.");
    assertThat(edition.projects(ProjectStatus.ON_BALLOT)).hasSize(4);
  }

  @Test
  void followUpAnswersWhatHappenedToEveryIdeaInThreeLanguages() {
    open("submission");
    ProjectId funded = submit("Trees", 40_000);
    ProjectId lost = submit("Fountain", 60_000);
    ProjectId dropped = submit("Kiosk", 30_000);
    ProjectId rejected = submit("Metro line", 90_000);
    open("feasibility");
    for (ProjectId id : List.of(funded, lost, dropped)) {
      edition.startReview(id, "service:works").orElseThrow();
      edition
          .recordReview(id, feasible(edition.get(id).estimatedCost().amount().longValue()))
          .orElseThrow();
    }
    edition.startReview(rejected, "service:works").orElseThrow();
    edition
        .recordReview(
            rejected,
            FeasibilityReview.failing(
                "service:works",
                Money.of(90_000, "EUR"),
                LocalizedText.of("en", "Public transport is a regional competence.")
                    .with("fr", "Les transports publics sont une compétence régionale.")
                    .with("nl", "Openbaar vervoer is een gewestelijke bevoegdheid."),
                FeasibilityCriterion.WITHIN_COMPETENCE))
        .orElseThrow();
    open("validation");
    for (ProjectId id : List.of(funded, lost, dropped)) {
      edition.putOnBallot(id, "executive", OK).orElseThrow();
    }
    open("vote");
    open("proclamation");
    edition.proclaim(Set.of(funded, dropped), "executive", OK).orElseThrow();
    open("follow-up");
    edition.startRealisation(funded, "service:green", OK).orElseThrow();
    Milestone planted =
        new Milestone(LocalizedText.of("en", "Trees planted"), LocalDate.parse("2028-03-01"), true);
    edition
        .reportProgress(funded, new Progress(60, List.of(planted)), "service:green")
        .orElseThrow();
    edition
        .abandon(dropped, "executive", LocalizedText.of("en", "The site was sold by the Region."))
        .orElseThrow();

    IdeaFate fate = edition.whatHappened(funded);
    assertThat(fate.status()).isEqualTo(ProjectStatus.IN_PROGRESS);
    assertThat(fate.progress()).contains(new Progress(60, List.of(planted)));
    assertThat(fate.explanation(Locale.ENGLISH))
        .isEqualTo("Since 2027-02-08, your project is being carried out: 60% done.");
    assertThat(fate.explanation(Locale.FRENCH))
        .isEqualTo(
            "Depuis le 2027-02-08, votre projet est en cours de réalisation : 60 % accomplis.");
    assertThat(fate.explanation(DUTCH))
        .isEqualTo("Sinds 2027-02-08 wordt uw project uitgevoerd: 60% klaar.");
    assertThat(fate.explanation(Locale.GERMAN)).isEqualTo(fate.explanation(Locale.ENGLISH));

    assertThat(edition.whatHappened(lost).explanation(Locale.ENGLISH))
        .isEqualTo(
            "On 2027-02-07 the results were proclaimed: your idea was on the ballot but did not receive enough votes to be funded.");
    assertThat(edition.whatHappened(rejected).explanation(DUTCH))
        .isEqualTo(
            "Op 2027-02-04 werd uw idee niet haalbaar bevonden. Niet voldaan aan: binnen de bevoegdheden van de gemeente. Openbaar vervoer is een gewestelijke bevoegdheid.");
    assertThat(edition.whatHappened(dropped).explanation(Locale.ENGLISH))
        .isEqualTo("On 2027-02-08 your project was abandoned. The site was sold by the Region.");

    Project realised =
        edition
            .markRealised(funded, "service:green", LocalizedText.of("en", "Inaugurated."))
            .orElseThrow();
    assertThat(realised.progress()).get().extracting(Progress::percent).isEqualTo(100);
    assertThat(realised.history())
        .extracting(StatusChange::to)
        .containsExactly(
            ProjectStatus.SUBMITTED,
            ProjectStatus.UNDER_REVIEW,
            ProjectStatus.FEASIBLE,
            ProjectStatus.ON_BALLOT,
            ProjectStatus.SELECTED,
            ProjectStatus.IN_PROGRESS,
            ProjectStatus.REALISED);
    assertThat(edition.reportProgress(funded, Progress.of(100), "service:green").refusal())
        .get()
        .extracting(Refusal::code)
        .isEqualTo("project.not-in-progress");
  }

  @Test
  void unknownProjectsAreNamed() {
    assertThatThrownBy(() -> edition.startReview(ProjectId.of("sb-2027-999"), "service:works"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Edition sb-2027 has no project 'sb-2027-999': use an id returned by submit() (it has 0 projects).");
  }
}
