package org.polity.jakarta.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
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
import org.polity.eligibility.Attestation;
import org.polity.eligibility.EligibilityContext;
import org.polity.eligibility.Evidence;
import org.polity.eligibility.VerificationLevel;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.config.ClockProducer;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.config.SettingsProducer;
import org.polity.jakarta.events.IdeaSubmitted;
import org.polity.jakarta.events.PhaseOpened;
import org.polity.jakarta.events.ProjectStatusChanged;
import org.polity.jakarta.events.ResultsPublished;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.RefusedException;
import org.polity.jakarta.voting.VotingProducer;
import org.polity.process.ParticipationAction;
import org.polity.project.Author;
import org.polity.project.FeasibilityReview;
import org.polity.project.ProjectProposal;
import org.polity.project.ProjectStatus;
import org.polity.sortition.spi.SelectionAlgorithm;

/**
 * The process service in an Arquillian deployment on the Weld embedded container: a host's observer
 * receives the domain events after each committed change, none for a refused one, and plugins are
 * found both as CDI beans and with ServiceLoader.
 */
@ExtendWith(ArquillianExtension.class)
class ProcessEventsTest {

  static {
    System.setProperty("polity.mode", "development");
    System.setProperty("polity.database.url", "jdbc:h2:mem:arquillian;DB_CLOSE_DELAY=-1");
  }

  @Deployment
  static JavaArchive deployment() {
    return ShrinkWrap.create(JavaArchive.class)
        .addClasses(
            SettingsProducer.class,
            PolitySettings.class,
            PolityDatabase.class,
            org.polity.jakarta.Capabilities.class,
            org.polity.jakarta.voting.VotingCapability.class,
            ProcessCapability.class,
            VotingProducer.class,
            ClockProducer.class,
            Processes.class,
            ProcessStore.class,
            Plugins.class,
            DomainEventRecorder.class,
            TestRegisterProvider.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject Processes processes;
  @Inject DomainEventRecorder recorder;
  @Inject Plugins plugins;
  @Inject ParticipantKeyer keyer;

  @AfterAll
  static void clearProperties() {
    System.clearProperty("polity.mode");
    System.clearProperty("polity.database.url");
  }

  private static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }

  private static final LocalizedText WHY = LocalizedText.of("en", "On schedule.");

  @Test
  void aHostObservesEveryDomainEventAfterTheCommit() {
    ProcessId id = ProcessId.of("events-" + Long.toHexString(System.nanoTime()));
    processes.declare(
        id,
        json(
            """
        {"title": {"en": "Events"}, "zone": "Europe/Brussels", "progression": "BY_STAFF",
         "template": "shared-budget", "territory": {"code": "X", "name": {"en": "X"}},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"}}}
        """));
    recorder.clear();
    processes.change(id, null, 0, l -> l.edition().calendar().open("submission", "ada", WHY));
    ProposalIds ids = new ProposalIds();
    ids.garden = processes.change(id, null, 0, l -> l.edition().submit(proposal("Garden")));
    ids.bench = processes.change(id, null, 0, l -> l.edition().submit(proposal("Bench")));
    processes.change(id, null, 0, l -> l.edition().calendar().open("feasibility", "ada", WHY));
    for (ProjectId project : List.of(ids.garden, ids.bench)) {
      processes.change(id, project, 1, l -> l.edition().startReview(project, "rita"));
      processes.change(
          id,
          project,
          2,
          l ->
              l.edition()
                  .recordReview(
                      project, FeasibilityReview.allMet("rita", Money.of(1000, "EUR"), WHY)));
      processes.change(id, project, 3, l -> l.edition().putOnBallot(project, "ada", WHY));
    }
    processes.change(id, null, 0, l -> l.edition().calendar().open("vote", "ada", WHY));
    processes.change(id, null, 0, l -> l.edition().calendar().open("proclamation", "ada", WHY));
    processes.change(id, null, 0, l -> l.edition().proclaim(Set.of(ids.garden), "ada", WHY));

    List<Object> events = recorder.events();
    assertThat(events)
        .filteredOn(PhaseOpened.class::isInstance)
        .extracting(e -> ((PhaseOpened) e).phase())
        .containsExactly("submission", "feasibility", "vote", "proclamation");
    assertThat(events)
        .filteredOn(IdeaSubmitted.class::isInstance)
        .extracting(e -> ((IdeaSubmitted) e).project())
        .containsExactly(ids.garden, ids.bench);
    assertThat(events)
        .filteredOn(ProjectStatusChanged.class::isInstance)
        .extracting(
            e -> ((ProjectStatusChanged) e).project() + ":" + ((ProjectStatusChanged) e).to())
        .containsExactly(
            ids.garden + ":UNDER_REVIEW",
            ids.garden + ":FEASIBLE",
            ids.garden + ":ON_BALLOT",
            ids.bench + ":UNDER_REVIEW",
            ids.bench + ":FEASIBLE",
            ids.bench + ":ON_BALLOT",
            ids.garden + ":SELECTED",
            ids.bench + ":NOT_SELECTED");
    assertThat(events)
        .filteredOn(ResultsPublished.class::isInstance)
        .singleElement()
        .satisfies(
            e -> {
              ResultsPublished results = (ResultsPublished) e;
              assertThat(results.selected()).containsExactly(ids.garden);
              assertThat(results.notSelected()).containsExactly(ids.bench);
            });

    // A refused change stores nothing and fires nothing.
    int before = events.size();
    assertThatThrownBy(
            () -> processes.change(id, null, 0, l -> l.edition().submit(proposal("Too late"))))
        .isInstanceOf(RefusedException.class);
    assertThat(recorder.events()).hasSize(before);
    int stored = processes.read(id, l -> l.edition().projects().size());
    ProjectStatus garden = processes.read(id, l -> l.edition().get(ids.garden).status());
    assertThat(stored).isEqualTo(2);
    assertThat(garden).isEqualTo(ProjectStatus.SELECTED);
  }

  private static final class ProposalIds {
    ProjectId garden;
    ProjectId bench;
  }

  private static ProjectProposal proposal(String title) {
    return ProjectProposal.builder()
        .title(LocalizedText.of("en", title))
        .description(LocalizedText.of("en", "An idea."))
        .estimatedCost(Money.of(900, "EUR"))
        .author(new Author.Association("Friends of the park"))
        .build();
  }

  @Test
  void phasesThatTheDatesOpenAreAnnouncedWithoutWaitingForAReader() {
    ProcessId id = ProcessId.of("dates-" + Long.toHexString(System.nanoTime()));
    java.time.LocalDateTime now =
        java.time.LocalDateTime.now(java.time.ZoneOffset.UTC)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    StringBuilder schedule =
        new StringBuilder("\"" + now.minusDays(3) + "\", \"" + now.minusDays(2) + "\"");
    for (int phase = 2;
        phase <= 10;
        phase++) { // information is past; submission and the rest to come
      schedule.append(", \"").append(now.plusDays(10L * phase)).append('"');
    }
    processes.declare(
        id,
        json(
            """
        {"title": {"en": "Dates"}, "zone": "UTC", "progression": "BY_DATES",
         "template": "shared-budget", "schedule": [%s],
         "territory": {"code": "X", "name": {"en": "X"}},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"}}}
        """
                .formatted(schedule)));
    recorder.clear();

    assertThat(processes.advanceByDates()).contains(id);
    assertThat(recorder.events())
        .filteredOn(PhaseOpened.class::isInstance)
        .filteredOn(e -> ((PhaseOpened) e).process().equals(id))
        .extracting(
            e -> ((PhaseOpened) e).phase() + (((PhaseOpened) e).byStaff() ? " by staff" : ""))
        .containsExactly("information", "submission");

    // Stored once: the next round finds nothing due, and readers see no new move.
    int announced = recorder.events().size();
    assertThat(processes.advanceByDates()).doesNotContain(id);
    String current = processes.read(id, l -> l.edition().calendar().current().orElseThrow().id());
    assertThat(current).isEqualTo("submission");
    assertThat(recorder.events()).hasSize(announced);
  }

  @Test
  void pluginsAreFoundAsCdiBeansAndWithServiceLoader() {
    assertThat(plugins.censusKinds()).contains("test-register", "csv");
    assertThat(plugins.all(SelectionAlgorithm.class))
        .extracting(SelectionAlgorithm::name)
        .contains("leximin");
    assertThat(plugins.selectionAlgorithm("LEXIMIN").name()).isEqualTo("leximin");

    ProcessId id = ProcessId.of("census-" + Long.toHexString(System.nanoTime()));
    var definition =
        processes
            .declare(
                id,
                json(
                    """
        {"title": {"en": "Census"}, "zone": "Europe/Brussels", "progression": "BY_STAFF",
         "template": "shared-budget", "territory": {"code": "X", "name": {"en": "X"}},
         "rules": {"envelope": {"amount": "100000", "currency": "EUR"}},
         "eligibility": {"SUPPORT": {"census": {"kind": "test-register", "name": {"en": "of the register"}}}}}
        """))
            .getKey();
    var context =
        EligibilityContext.at(java.time.Instant.now(), java.time.ZoneId.of("Europe/Brussels"));
    Evidence ines =
        Evidence.none()
            .withIdentity(
                Attestation.of(
                    keyer.key("ines"),
                    VerificationLevel.IDENTITY_PROVIDER,
                    java.time.Instant.now()));
    Evidence kim =
        Evidence.none()
            .withIdentity(
                Attestation.of(
                    keyer.key("kim"),
                    VerificationLevel.IDENTITY_PROVIDER,
                    java.time.Instant.now()));
    assertThat(definition.policy().decide(ParticipationAction.SUPPORT, ines, context).isEligible())
        .isTrue();
    assertThat(definition.policy().decide(ParticipationAction.SUPPORT, kim, context).isEligible())
        .isFalse();

    assertThatThrownBy(() -> plugins.selectionAlgorithm("astrology"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("leximin");
  }
}
