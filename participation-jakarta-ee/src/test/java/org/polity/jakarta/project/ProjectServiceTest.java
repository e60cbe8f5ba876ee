package org.polity.jakarta.project;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.jakarta.config.ClockProducer;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.config.SettingsProducer;
import org.polity.jakarta.eligibility.EligibilityService;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.ProcessService;
import org.polity.jakarta.process.ProcessStore;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.results.ResultsService;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.voting.VotingProducer;
import org.polity.project.Author;
import org.polity.project.Channel;
import org.polity.project.Project;
import org.polity.project.ProjectProposal;
import org.polity.project.ProjectQuery;
import org.polity.project.ProjectStatus;

/**
 * A host portal's own code calling the project and process services directly, in an Arquillian
 * deployment on the Weld embedded container with a real H2 database: no HTTP, the same rules and
 * the same refusals as the REST API.
 */
@ExtendWith(ArquillianExtension.class)
class ProjectServiceTest {

  static {
    System.setProperty("polity.mode", "development");
    System.setProperty("polity.database.url", "jdbc:h2:mem:project-service;DB_CLOSE_DELAY=-1");
  }

  @Deployment
  static JavaArchive deployment() {
    return ShrinkWrap.create(JavaArchive.class)
        .addClasses(
            org.polity.jakarta.Capabilities.class,
            org.polity.jakarta.voting.VotingCapability.class,
            org.polity.jakarta.process.ProcessCapability.class,
            org.polity.jakarta.project.ProjectCapability.class,
            org.polity.jakarta.results.ResultsCapability.class,
            org.polity.jakarta.cartography.CartographyCapability.class,
            org.polity.jakarta.eligibility.EligibilityCapability.class,
            SettingsProducer.class,
            PolitySettings.class,
            PolityDatabase.class,
            VotingProducer.class,
            ClockProducer.class,
            Processes.class,
            ProcessStore.class,
            Plugins.class,
            EligibilityService.class,
            ProcessService.class,
            ResultsService.class,
            ProjectService.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject ProcessService processes;
  @Inject ProjectService projects;

  @AfterAll
  static void clearProperties() {
    System.clearProperty("polity.mode");
    System.clearProperty("polity.database.url");
  }

  private static final LocalizedText WHY = LocalizedText.of("en", "On schedule.");

  private static Caller caller(String name, PolityRole... roles) {
    Principal principal = () -> name;
    return Caller.of(principal, Set.of(roles));
  }

  private static final Caller ADA = caller("ada", PolityRole.ADMINISTRATOR);
  private static final Caller RITA = caller("rita", PolityRole.REVIEWER, PolityRole.STAFF);
  private static final Caller JEANNE = caller("jeanne", PolityRole.PARTICIPANT);
  private static final Caller ERIC = caller("eric", PolityRole.ENCODER, PolityRole.STAFF);

  private static JsonObject definition(String kind, String submitRule) {
    String text =
        """
        {"title": {"en": "Portal"}, "kind": "%s", "zone": "Europe/Brussels",
         "progression": "BY_STAFF", "template": "shared-budget",
         "territory": {"code": "X", "name": {"en": "X"}, "districts": ["North", "South"]},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"},
                   "themes": [{"id": "greenery", "name": {"en": "Greenery"}}]},
         "eligibility": {"SUBMIT": {"%s": {}}}}
        """
            .formatted(kind, submitRule);
    try (var reader = Jsonp.JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static ProjectProposal idea(String title) {
    return ProjectProposal.builder()
        .title(LocalizedText.of("fr", title))
        .description(LocalizedText.of("fr", "Une idée pour le quartier."))
        .theme("greenery")
        .estimatedCost(Money.of(900, "EUR"))
        .district("North")
        .author(new Author.Resident("Jeanne", 71))
        .build();
  }

  private ProcessId declare(String kind, String submitRule) {
    ProcessId id = ProcessId.of("portal-" + Long.toHexString(System.nanoTime()));
    var declared = processes.declare(ADA, id, definition(kind, submitRule)).orElseThrow();
    assertThat(declared.created()).isTrue();
    assertThat(declared.process().process().kind().name()).isEqualTo(kind);
    return id;
  }

  private static Refusal refusal(Result<?> result) {
    return result.refusal().orElseThrow();
  }

  @Test
  void aPortalSubmitsListsAndReviewsIdeasThroughTheService() {
    ProcessId id = declare("PARTICIPATORY_BUDGET", "everyone");
    processes.move(ADA, id, Optional.of("submission"), WHY).orElseThrow();

    var garden = projects.submit(JEANNE, id, idea("Un potager collectif"), Locale.FRENCH);
    ProjectService.ProjectView submitted = garden.orElseThrow();
    assertThat(submitted.version()).isEqualTo(1);
    assertThat(submitted.project().channel()).isEqualTo(new Channel.Online());
    ProjectId gardenId = submitted.project().id();

    var paper = projects.encode(ERIC, id, idea("Des bancs")).orElseThrow();
    assertThat(paper.project().channel()).isEqualTo(new Channel.PaperForm("eric"));

    var found = projects.list(id, ProjectQuery.builder().search("POTAGER").build()).orElseThrow();
    assertThat(found.page().projects()).extracting(Project::id).containsExactly(gardenId);
    assertThat(found.page().total()).isEqualTo(1);
    assertThat(found.versions()).containsEntry(gardenId, 1L);

    assertThat(projects.read(Caller.anonymous(), id, gardenId).orElseThrow().full()).isFalse();
    assertThat(projects.read(RITA, id, gardenId).orElseThrow().full()).isTrue();

    processes.move(ADA, id, Optional.of("feasibility"), WHY).orElseThrow();
    Refusal noVersion =
        refusal(projects.move(RITA, id, gardenId, null, ProjectStatus.UNDER_REVIEW, WHY));
    assertThat(noVersion.kind()).isEqualTo(Refusal.Kind.PRECONDITION_REQUIRED);
    assertThat(noVersion.code()).isEqualTo("precondition-required");

    var started =
        projects.move(RITA, id, gardenId, 1L, ProjectStatus.UNDER_REVIEW, WHY).orElseThrow();
    assertThat(started.project().status()).isEqualTo(ProjectStatus.UNDER_REVIEW);
    assertThat(started.project().lastChange().actor()).isEqualTo("rita");
    assertThat(started.version()).isEqualTo(2);

    Refusal stale = refusal(projects.move(RITA, id, gardenId, 1L, ProjectStatus.ON_BALLOT, WHY));
    assertThat(stale.kind()).isEqualTo(Refusal.Kind.STALE);
    assertThat(stale.code()).isEqualTo("precondition-failed");
    assertThat(stale.detail(Locale.FRENCH)).contains("version 1, maintenant 2");

    Refusal core = refusal(projects.move(RITA, id, gardenId, 2L, ProjectStatus.REALISED, WHY));
    assertThat(core.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(projects.history(id, gardenId).orElseThrow().fate().status())
        .isEqualTo(ProjectStatus.UNDER_REVIEW);
  }

  @Test
  void theDeskEncodesAnIdeaUnderTheSubmitRuleAppliedToWhatItChecked() {
    var seen =
        new org.polity.eligibility.DeskAttestation(
            org.polity.eligibility.DeskAttestation.Document.IDENTITY_CARD,
            Optional.of(java.time.LocalDate.of(1990, 1, 1)),
            Optional.empty(),
            Optional.empty());
    ProcessId open = declare("PARTICIPATORY_BUDGET", "everyone");
    processes.move(ADA, open, Optional.of("submission"), WHY).orElseThrow();
    var encoded =
        projects
            .encode(ERIC, open, idea("Un banc"), "resident-1", seen, Locale.FRENCH)
            .orElseThrow();
    assertThat(encoded.project().channel()).isEqualTo(new Channel.PaperForm("eric"));
    assertThat(
            projects
                .history(open, encoded.project().id())
                .orElseThrow()
                .project()
                .lastChange()
                .actor())
        .isEqualTo("eric");
    Refusal notEncoder =
        refusal(projects.encode(JEANNE, open, idea("Un banc"), "resident-1", seen, Locale.FRENCH));
    assertThat(notEncoder.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);

    ProcessId closed = declare("PARTICIPATORY_BUDGET", "nobody");
    processes.move(ADA, closed, Optional.of("submission"), WHY).orElseThrow();
    Refusal refused =
        refusal(projects.encode(ERIC, closed, idea("Refusé"), "resident-1", seen, Locale.ENGLISH));
    assertThat(refused.code()).isEqualTo("not-eligible");
    assertThat(refused.extensions().getJsonArray("reasons")).isNotEmpty();
  }

  @Test
  void missingThingsIneligibleCallersAndWrongRolesAreRefusalsNotExceptions() {
    ProcessId id = declare("PARTICIPATORY_BUDGET", "nobody");
    processes.move(ADA, id, Optional.of("submission"), WHY).orElseThrow();

    Refusal notEligible = refusal(projects.submit(JEANNE, id, idea("Refusé"), Locale.ENGLISH));
    assertThat(notEligible.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
    assertThat(notEligible.code()).isEqualTo("not-eligible");
    assertThat(notEligible.extensions().getJsonArray("reasons")).isNotEmpty();

    Refusal wrongRole = refusal(projects.submit(ERIC, id, idea("Refusé"), Locale.ENGLISH));
    assertThat(wrongRole.kind()).isEqualTo(Refusal.Kind.FORBIDDEN);
    assertThat(wrongRole.code()).isEqualTo("not-allowed");

    Refusal noProject = refusal(projects.read(RITA, id, ProjectId.of("nothing-001")));
    assertThat(noProject.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    assertThat(noProject.code()).isEqualTo("not-found");
    assertThat(noProject.detail(Locale.forLanguageTag("nl"))).contains("nothing-001");

    Refusal noProcess = refusal(processes.read(ProcessId.of("no-such-process")));
    assertThat(noProcess.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    assertThat(
            refusal(projects.list(ProcessId.of("no-such-process"), ProjectQuery.builder().build()))
                .code())
        .isEqualTo("not-found");
  }

  @Test
  void aConsultationHasNoProjects() {
    ProcessId id = declare("CONSULTATION", "everyone");
    var loaded = processes.read(id).orElseThrow();
    assertThat(loaded.projects()).isEmpty();
    processes.move(ADA, id, Optional.of("submission"), WHY).orElseThrow();
    assertThat(processes.read(id).orElseThrow().calendar().current().orElseThrow().id())
        .isEqualTo("submission");

    Refusal none = refusal(projects.submit(JEANNE, id, idea("Une idée"), Locale.ENGLISH));
    assertThat(none.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(none.code()).isEqualTo("process-has-no-projects");
    assertThat(none.detail(Locale.FRENCH)).contains("CONSULTATION").contains("pas de projets");
    assertThat(none.detail(Locale.forLanguageTag("nl"))).contains("geen projecten");
    assertThat(none.detail(Locale.ENGLISH)).contains("has no projects");
    assertThat(refusal(projects.list(id, ProjectQuery.builder().build())).code())
        .isEqualTo("process-has-no-projects");
  }
}
