package org.polity.jakarta.results;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.polity.ballot.Ballot;
import org.polity.cartography.InitiativeDetails;
import org.polity.cartography.InitiativeKind;
import org.polity.cartography.OrganiserType;
import org.polity.cartography.Place;
import org.polity.cartography.Scale;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.cartography.Initiatives;
import org.polity.jakarta.cartography.MapLayers;
import org.polity.jakarta.config.ClockProducer;
import org.polity.jakarta.config.PolitySettings;
import org.polity.jakarta.config.SettingsProducer;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.Result;
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
import org.polity.voting.VoteSettings;

/**
 * A host portal's own code calls the application services directly, with a {@link Caller}, in a
 * Weld deployment without any REST: {@link ResultsService} and {@link Initiatives} apply the
 * permissions and answer with values, their refusals carrying the codes and statuses of the REST
 * API and a detail in French, Dutch and English.
 */
@ExtendWith(ArquillianExtension.class)
class HostPortalUseTest {

  static {
    System.setProperty("polity.mode", "development");
    System.setProperty("polity.database.url", "jdbc:h2:mem:host-portal-use;DB_CLOSE_DELAY=-1");
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
            ClockProducer.class,
            PolityDatabase.class,
            VotingProducer.class,
            Processes.class,
            ProcessStore.class,
            Plugins.class,
            ResultsService.class,
            ResultsObserver.class,
            Initiatives.class,
            MapLayers.class,
            org.polity.jakarta.cartography.DistrictsFile.class)
        .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
  }

  private static final Caller ANONYMOUS = Caller.anonymous();
  private static final Caller DORA = Caller.of(() -> "dora", Set.of(PolityRole.PARTICIPANT));
  private static final Caller PAUL = Caller.of(() -> "paul", Set.of(PolityRole.PARTICIPANT));
  private static final Caller MO = Caller.of(() -> "mo", Set.of(PolityRole.MODERATOR));
  private static final Caller STAFF = Caller.of(() -> "sam", Set.of(PolityRole.STAFF));
  private static final LocalizedText WHY = LocalizedText.of("en", "On schedule.");

  @Inject ResultsService results;
  @Inject Initiatives initiatives;
  @Inject Processes processes;
  @Inject BallotBox ballotBox;
  @Inject ParticipantKeyer keyer;

  @AfterAll
  static void clearProperties() {
    System.clearProperty("polity.mode");
    System.clearProperty("polity.database.url");
  }

  @Test
  void aPortalProposesModeratesAndReadsInitiativesWithItsCallers() {
    InitiativeDetails details =
        InitiativeDetails.builder()
            .title(LocalizedText.of("fr", "Un potager collectif"))
            .kind(InitiativeKind.values()[0])
            .organiser("Friends of the park", OrganiserType.values()[0])
            .scale(Scale.values()[0])
            .place(Place.point(4.36, 50.84))
            .build();
    assertRefused(initiatives.propose(ANONYMOUS, details), 403, "forbidden");
    Initiatives.Versioned proposed = initiatives.propose(DORA, details).orElseThrow();
    var id = proposed.initiative().id();

    assertRefused(initiatives.visible(id, ANONYMOUS), 404, "not-found");
    assertRefused(initiatives.visible(id, PAUL), 404, "not-found");
    assertThat(initiatives.visible(id, DORA).orElseThrow().privileged()).isTrue();
    assertThat(initiatives.pending(MO).orElseThrow()).extracting(i -> i.id()).contains(id);
    assertRefused(initiatives.pending(DORA), 403, "forbidden");

    assertRefused(initiatives.publish(id, DORA, null), 403, "forbidden");
    assertRefused(initiatives.publish(id, MO, proposed.version() + 1), 412, "precondition-failed");
    Initiatives.Versioned published = initiatives.publish(id, MO, proposed.version()).orElseThrow();
    assertThat(published.initiative().isPublished()).isTrue();
    assertRefused(initiatives.publish(id, MO, null), 409, "initiative-not-pending");

    Initiatives.Seen seen = initiatives.visible(id, ANONYMOUS).orElseThrow();
    assertThat(seen.privileged()).isFalse();
    assertThat(seen.stored().version()).isEqualTo(published.version());
    var layer = initiatives.collection("initiatives").orElseThrow();
    Initiatives.Items items =
        initiatives.items(
            layer, new Initiatives.ItemsQuery(null, null, null, 0, 1000, null, null, null, null));
    assertThat(items.page().features())
        .anySatisfy(f -> assertThat(f.optionalId()).contains(id.value()));
    assertRefused(initiatives.collection("no-such-collection"), 404, "not-found");
    assertRefused(initiatives.feature(layer, "ini-99999999"), 404, "not-found");
  }

  @Test
  void aPortalShowsResultsAsTheRulesSay() throws Exception {
    String unique = Long.toHexString(System.nanoTime());
    BudgetId unknown = BudgetId.of("nothing-" + unique);
    Refusal noVote = assertRefused(results.results(unknown, STAFF), 404, "not-found");
    assertThat(noVote.detail(Locale.FRENCH)).contains("Aucun vote");
    assertThat(noVote.detail(Locale.forLanguageTag("nl"))).contains("geen stemming");
    assertThat(noVote.detail(Locale.ENGLISH)).contains("No vote");
    assertRefused(results.ballots(unknown), 404, "not-found");
    assertRefused(results.publish(ProcessId.of("p-" + unique), DORA, null), 403, "forbidden");
    assertRefused(
        results.publish(
            ProcessId.of("p-" + unique),
            Caller.of(() -> "ada", Set.of(PolityRole.ADMINISTRATOR)),
            null),
        404,
        "not-found");

    ProcessId id = ProcessId.of("portal-" + unique);
    BudgetId budget = BudgetId.of("portal-budget-" + unique);
    List<ProjectId> projects = runningVote(id, budget);

    assertRefused(results.results(budget, ANONYMOUS), 409, "vote-not-finished");
    assertRefused(results.results(budget, DORA), 409, "vote-not-finished");
    assertRefused(results.ballots(budget), 409, "vote-not-finished");
    // A provisional count is for administrators only, and never of fewer than
    // polity.results.provisional-min-ballots (100 by default) ballots: with 3, two readings
    // around one cast would tell that ballot (issue 13).
    assertRefused(results.results(budget, STAFF), 409, "vote-not-finished");
    assertRefused(results.results(budget, MO), 409, "vote-not-finished");
    assertRefused(
        results.results(budget, Caller.of(() -> "ada", Set.of(PolityRole.ADMINISTRATOR))),
        409,
        "provisional-results-not-yet");
    // The host's own code may still count (its own responsibility).
    assertThat(results.count(budget).orElseThrow().ballots()).isEqualTo(3);
    assertThat(results.count(budget).orElseThrow().result().winners().get(0))
        .isEqualTo(projects.get(0));
    assertThat(results.finished(budget).orElseThrow()).isFalse();
  }

  /** A process with two projects on the ballot and a vote open for an hour, with 3 ballots. */
  private List<ProjectId> runningVote(ProcessId id, BudgetId budget) {
    try (var reader =
        Json.createReader(
            new StringReader(
                """
        {"title": {"en": "Portal"}, "zone": "Europe/Brussels", "progression": "BY_STAFF",
         "template": "consul-budget", "territory": {"code": "X", "name": {"en": "X"}},
         "rules": {"envelope": {"amount": "100", "currency": "EUR"}}, "budgets": ["%s"],
         "counting": {"rule": "greedy"}}
        """
                    .formatted(budget.value())))) {
      JsonObject definition = reader.readObject();
      processes.declare(id, definition);
    }
    open(id, "accepting");
    List<ProjectId> projects = new ArrayList<>();
    for (long cost : new long[] {60, 30}) {
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
    long[] costs = {60, 30};
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
      processes.change(id, null, 0, l -> l.edition().putOnBallot(project, "ada", WHY));
    }
    open(id, "balloting");
    ballotBox.open(
        VoteSettings.builder(budget)
            .opens(Instant.now().minusSeconds(60))
            .closes(Instant.now().plusSeconds(3600))
            .build());
    for (int i = 0; i < 3; i++) {
      ballotBox.cast(
          new CastRequest(
              budget,
              keyer.key("portal-voter-" + i),
              Ballot.Approval.of(projects.get(0)),
              org.polity.voting.Channel.online()));
    }
    return projects;
  }

  private void open(ProcessId id, String phase) {
    processes.change(id, null, 0, l -> l.edition().calendar().open(phase, "ada", WHY));
  }

  private static Refusal assertRefused(Result<?> result, int status, String code) {
    Refusal refusal = result.refusal().orElseThrow(() -> new AssertionError("not refused"));
    assertThat(refusal.code()).isEqualTo(code);
    assertThat(refusal.kind().status()).isEqualTo(status);
    return refusal;
  }
}
