package org.polity.jakarta.results;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
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
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.config.SettingsProducer;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.process.ProcessStore;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.voting.VotingProducer;
import org.polity.project.Author;
import org.polity.project.FeasibilityReview;
import org.polity.project.ProjectProposal;
import org.polity.voting.BallotBox;
import org.polity.voting.CastRequest;
import org.polity.voting.VoteSettings;

/**
 * Issue 11's regression: a counting rule a portal declares only as a CDI bean ({@link
 * FewestVotesFirstRule}, unknown to {@link java.util.ServiceLoader}) is found through {@link
 * Plugins} by the process definition that names it, and counts the budget's results.
 */
@ExtendWith(ArquillianExtension.class)
class CountingRuleBeanTest {

  static {
    System.setProperty("polity.mode", "development");
    System.setProperty("polity.database.url", "jdbc:h2:mem:counting-rule-bean;DB_CLOSE_DELAY=-1");
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
            org.polity.jakarta.config.ClockProducer.class,
            Processes.class,
            ProcessStore.class,
            Plugins.class,
            ResultsService.class,
            FewestVotesFirstRule.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  @Inject ResultsService results;
  @Inject Processes processes;
  @Inject BallotBox ballotBox;
  @Inject ParticipantKeyer keyer;
  @Inject Plugins plugins;

  @AfterAll
  static void clearProperties() {
    System.clearProperty("polity.mode");
    System.clearProperty("polity.database.url");
  }

  private static final LocalizedText WHY = LocalizedText.of("en", "On schedule.");

  @Test
  void aCountingRuleDeclaredOnlyAsACdiBeanCountsTheBudgetOfTheProcessNamingIt() {
    assertThat(CountingRules.names()).doesNotContain("test-fewest-votes-first");
    assertThat(plugins.countingRuleNames())
        .contains("greedy", "mes", "phragmen", "test-fewest-votes-first");

    String unique = Long.toHexString(System.nanoTime());
    ProcessId id = ProcessId.of("bean-rule-" + unique);
    BudgetId budget = BudgetId.of("bean-rule-budget-" + unique);
    try (var reader =
        Json.createReader(
            new StringReader(
                """
        {"title": {"en": "A rule of the portal"}, "zone": "Europe/Brussels",
         "progression": "BY_STAFF", "template": "consul-budget",
         "territory": {"code": "X", "name": {"en": "X"}},
         "rules": {"envelope": {"amount": "100", "currency": "EUR"}}, "budgets": ["%s"],
         "counting": {"rule": "test-fewest-votes-first"}}
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
    ballotBox.open(
        VoteSettings.builder(budget)
            .opens(Instant.now().minusSeconds(60))
            .closes(Instant.now().plusSeconds(3600))
            .build());
    for (int i = 0; i < 10; i++) {
      Ballot ballot =
          i < 6
              ? Ballot.Approval.of(projects.get(0), projects.get(1))
              : Ballot.Approval.of(projects.get(2), projects.get(3));
      ballotBox.cast(
          new CastRequest(
              budget, keyer.key("voter-" + i), ballot, org.polity.voting.Channel.online()));
    }

    BudgetResults counted = results.count(budget).orElseThrow();

    // Greedy would fund the two projects with 6 votes (60 + 40); the portal's rule funds the two
    // with 4 votes first (30 + 10), then the first with 6 that fits (60).
    assertThat(counted.counting().rule()).isEqualTo("test-fewest-votes-first");
    assertThat(counted.result().rule()).isEqualTo("test-fewest-votes-first");
    assertThat(counted.result().winners())
        .containsExactly(projects.get(2), projects.get(3), projects.get(0));
  }

  /** Opens a phase of the CONSUL template. */
  private void open(ProcessId id, String phase) {
    processes.change(id, null, 0, l -> l.edition().calendar().open(phase, "ada", WHY));
  }
}
