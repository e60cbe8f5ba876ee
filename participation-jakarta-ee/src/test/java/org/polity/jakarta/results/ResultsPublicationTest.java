package org.polity.jakarta.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.counting.CountingRules;
import org.polity.counting.Election;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.config.ClockProducer;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.config.SettingsProducer;
import org.polity.jakarta.events.ResultsPublished;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.RefusedException;
import org.polity.jakarta.process.ProcessStore;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.jakarta.voting.VotingProducer;
import org.polity.project.Author;
import org.polity.project.FeasibilityReview;
import org.polity.project.ProjectProposal;
import org.polity.voting.BallotBox;
import org.polity.voting.CastRequest;
import org.polity.voting.CountedBallot;
import org.polity.voting.VoteSettings;

/**
 * Publication in an Arquillian deployment on the Weld embedded container: a host's observer
 * receives {@link ResultsPublished} with the winners core's rule gives, once, after the commit; a
 * second publication is refused and fires nothing.
 */
@ExtendWith(ArquillianExtension.class)
class ResultsPublicationTest {

  static {
    System.setProperty("polity.mode", "development");
    System.setProperty("polity.database.url", "jdbc:h2:mem:results-publication;DB_CLOSE_DELAY=-1");
  }

  @Deployment
  static JavaArchive deployment() {
    return ShrinkWrap.create(JavaArchive.class)
        .addClasses(
            SettingsProducer.class,
            org.polity.jakarta.config.ClockProducer.class,
            PolitySettings.class,
            PolityDatabase.class,
            org.polity.jakarta.Capabilities.class,
            org.polity.jakarta.voting.VotingCapability.class,
            org.polity.jakarta.process.ProcessCapability.class,
            org.polity.jakarta.results.ResultsCapability.class,
            VotingProducer.class,
            ClockProducer.class,
            Processes.class,
            ProcessStore.class,
            Plugins.class,
            ResultsService.class,
            ResultsObserver.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject ResultsService results;
  @Inject Processes processes;
  @Inject BallotBox ballotBox;
  @Inject ParticipantKeyer keyer;
  @Inject ResultsObserver observer;

  @AfterAll
  static void clearProperties() {
    System.clearProperty("polity.mode");
    System.clearProperty("polity.database.url");
  }

  private static final Caller ADA =
      Caller.of(() -> "ada", java.util.Set.of(PolityRole.ADMINISTRATOR));

  private static final LocalizedText WHY = LocalizedText.of("en", "On schedule.");

  @Test
  void publicationProclaimsCoresWinnersOnceAndTellsTheHost() throws Exception {
    String unique = Long.toHexString(System.nanoTime());
    ProcessId id = ProcessId.of("pub-" + unique);
    BudgetId budget = BudgetId.of("pub-budget-" + unique);
    try (var reader =
        Json.createReader(
            new StringReader(
                """
        {"title": {"en": "Publication"}, "zone": "Europe/Brussels", "progression": "BY_STAFF",
         "template": "consul-budget", "territory": {"code": "X", "name": {"en": "X"}},
         "rules": {"envelope": {"amount": "100", "currency": "EUR"}}, "budgets": ["%s"],
         "counting": {"rule": "phragmen"}}
        """
                    .formatted(budget.value())))) {
      JsonObject definition = reader.readObject();
      processes.declare(id, definition);
    }
    open(id, "accepting");
    List<ProjectId> projects = new ArrayList<>();
    long[] costs = {60, 40, 30, 10};
    for (long cost : costs) {
      projects.add(
          processes.change(
              id,
              null,
              0,
              l ->
                  l.edition()
                      .submit(
                          ProjectProposal.builder()
                              .title(LocalizedText.of("en", "Idea " + cost))
                              .description(LocalizedText.of("en", "An idea."))
                              .estimatedCost(Money.of(cost, "EUR"))
                              .author(new Author.Association("Friends"))
                              .build())));
    }
    open(id, "reviewing");
    for (int i = 0; i < projects.size(); i++) {
      ProjectId project = projects.get(i);
      long cost = costs[i];
      processes.change(id, null, 0, l -> l.edition().startReview(project, "rita"));
      processes.change(
          id,
          null,
          0,
          l ->
              l.edition()
                  .recordReview(
                      project, FeasibilityReview.allMet("rita", Money.of(cost, "EUR"), WHY)));
    }
    for (ProjectId project : projects) {
      processes.change(id, null, 0, l -> l.edition().putOnBallot(project, "ada", WHY));
    }
    open(id, "balloting");
    Instant closes = Instant.now().plusSeconds(2);
    ballotBox.open(
        VoteSettings.builder(budget).opens(Instant.now().minusSeconds(60)).closes(closes).build());
    for (int i = 0; i < 10; i++) {
      Ballot ballot =
          i < 6
              ? Ballot.Approval.of(projects.get(0), projects.get(1))
              : Ballot.Approval.of(projects.get(2), projects.get(3));
      ballotBox.cast(
          new CastRequest(
              budget, keyer.key("voter-" + i), ballot, org.polity.voting.Channel.online()));
    }
    Refusal early = results.publish(id, ADA, null).refusal().orElseThrow();
    assertThat(early.code()).isEqualTo("vote-not-finished");
    assertThat(early.detail(java.util.Locale.ENGLISH)).contains("finished");
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), closes).toMillis()) + 200);
    open(id, "finished");

    Election election = results.election(budget).orElseThrow();
    assertThat(election.ballots())
        .containsExactlyInAnyOrderElementsOf(
            ballotBox.countedBallots(budget).stream().map(CountedBallot::ballot).toList());
    var core =
        CountingRules.named("phragmen")
            .count(election, org.polity.counting.CountingOptions.defaults());
    // Sequential Phragmén, by hand (docs/counting.md): D, B, C; 20 EUR remain.
    assertThat(core.winners()).containsExactly(projects.get(3), projects.get(1), projects.get(2));

    int before = observer.events().size();
    ResultsService.Publication publication = results.publish(id, ADA, null).orElseThrow();
    assertThat(publication.selected()).containsExactlyInAnyOrderElementsOf(core.winners());
    assertThat(publication.notSelected()).containsExactly(projects.get(0));
    assertThat(observer.events()).hasSize(before + 1);
    ResultsPublished event = observer.events().get(before);
    assertThat(event.process()).isEqualTo(id);
    assertThat(event.selected()).containsExactlyInAnyOrderElementsOf(core.winners());
    assertThat(event.notSelected()).containsExactly(projects.get(0));
    JsonObject stored = results.published(budget).orElseThrow();
    assertThat(stored.getJsonArray("winners").getValuesAs(jakarta.json.JsonString.class))
        .extracting(jakarta.json.JsonString::getString)
        .containsExactlyElementsOf(core.winners().stream().map(ProjectId::value).toList());

    assertThat(results.publish(id, ADA, null).refusal().orElseThrow().code())
        .isEqualTo("results-already-published");
    assertThatThrownBy(() -> results.publish(id, "ada", null))
        .isInstanceOf(RefusedException.class)
        .satisfies(
            e ->
                assertThat(((RefusedException) e).refusal().code())
                    .isEqualTo("results-already-published"));
    assertThat(observer.events()).hasSize(before + 1);
    assertThat(results.published(budget).orElseThrow()).isEqualTo(stored);
  }

  /** Opens a phase of the CONSUL template. */
  private void open(ProcessId id, String phase) {
    processes.change(id, null, 0, l -> l.edition().calendar().open(phase, "ada", WHY));
  }
}
