package org.polity.jakarta.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.NotFoundException;
import java.io.StringReader;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.counting.CountingResult;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;
import org.polity.jakarta.http.Jsonp;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.RefusalException;
import org.polity.jakarta.process.CountingDefinition;
import org.polity.jakarta.process.ProcessDefinition;
import org.polity.jakarta.process.Processes;
import org.polity.process.Outcome;
import org.polity.project.Project;
import org.polity.project.ProjectStatus;
import org.polity.voting.BallotBox;
import org.polity.voting.VoteSettings;

/**
 * The results of the votes: counts a budget's counted ballots with the counting rule of the process
 * that declares the budget (core's rules or a plugin's, found by {@link Plugins}; nothing is
 * re-implemented here), and publishes a process's computed results. A host portal may inject it.
 *
 * <p><b>What is counted.</b> The budget's projects are the projects of its process that were put on
 * the ballot (in the district the process's {@code counting} member gives the budget, if any), with
 * their reviewed cost; the envelope is the budget's (or the process's, for a process with one
 * budget). The ballots are read in one streaming JDBC query and decoded on a second thread ({@link
 * DecodingPipeline}, {@link BallotDecoder}): live results for 400,000 ballots take about 0.9 to 1.2
 * s of JVM CPU with the greedy rule (docs/benchmarks.md, "Live results").
 *
 * <p><b>Publication.</b> {@link #publish} counts every budget of a process once every vote is
 * finished (paper encoding over), proclaims the winners in the process's edition (its projects
 * become selected or not selected, and {@link org.polity.jakarta.events.ResultsPublished} is fired
 * after the commit), and stores each budget's results as published (table {@code
 * polity_published_results}, migration V4) so that what was proclaimed stays what is shown, even if
 * the rules or the software change later. Publishing twice is refused.
 */
@ApplicationScoped
public class ResultsService {

  /** Rows fetched per round trip while streaming ballots. */
  static final int FETCH_SIZE = 10_000;

  private static final String POSTGRESQL = "PostgreSQL";

  @Inject PolityDatabase database;
  @Inject Processes processes;
  @Inject BallotBox ballotBox;
  @Inject Plugins plugins;

  private final Clock clock = Clock.systemUTC();
  private final Map<BudgetId, JsonObject> finalCounts =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Creates the service; CDI calls it. */
  public ResultsService() {}

  /**
   * Counts a budget now, from its counted ballots, whether or not its vote is finished (callers
   * decide who may see a provisional count).
   *
   * @param budget the budget
   * @return the results
   * @throws NotFoundException when no vote is declared on the budget or no process declares it
   * @throws RefusalException 409 when the process does not say what the budget counts, or the rule
   *     refuses the ballots
   */
  public BudgetResults count(BudgetId budget) {
    Prepared prepared = prepare(budget);
    ProcessDefinition definition = prepared.definition();
    ProcessId processId = definition.process().id();
    BudgetBallot ballot = prepared.ballot();
    BallotDecoder decoder = prepared.decoder();
    List<BudgetResults.ProjectTally> tallies = new ArrayList<>();
    for (int i = 0; i < ballot.projects().size(); i++) {
      Project project = ballot.projects().get(i);
      tallies.add(
          new BudgetResults.ProjectTally(
              project.id(),
              project.title(),
              project.cost(),
              decoder.votes()[i],
              decoder.points()[i]));
    }
    Election election = prepared.election();
    CountingDefinition counting = definition.counting();
    CountingResult result;
    try {
      result = plugins.countingRule(counting.rule()).count(election, counting.options());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new RefusalException(
          "counting-refused",
          409,
          "Budget "
              + budget
              + " cannot be counted with"
              + " rule "
              + counting.rule()
              + ": "
              + e.getMessage());
    }
    return new BudgetResults(
        budget,
        processId,
        counting,
        ballot.envelope(),
        tallies,
        election,
        decoder.ignoredMentions(),
        result,
        clock.instant());
  }

  /**
   * What a budget counts: its envelope, its projects and its counted ballots (projects outside the
   * budget left out), as core's {@link Election}; what the Pabulib export publishes.
   *
   * @param budget the budget
   * @return the election
   * @throws NotFoundException when no vote is declared on the budget or no process declares it
   * @throws RefusalException 409 when the process does not say what the budget counts
   */
  public Election election(BudgetId budget) {
    return prepare(budget).election();
  }

  /** A budget's process, ballot, decoded ballots and election. */
  private record Prepared(
      ProcessDefinition definition,
      BudgetBallot ballot,
      BallotDecoder decoder,
      Election election) {}

  private Prepared prepare(BudgetId budget) {
    ballotBox.settings(budget).orElseThrow(() -> noVote(budget));
    ProcessDefinition definition =
        processes
            .ofBudget(budget)
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "No process declares budget "
                            + budget
                            + ", so nothing says which projects it counts."));
    BudgetBallot ballot =
        processes.read(
            definition.process().id(),
            loaded ->
                ballot(
                    definition, loaded.edition().projects(), loaded.edition().envelope(), budget));
    BallotDecoder decoder = new BallotDecoder(ballot.projects().stream().map(Project::id).toList());
    stream(budget, decoder);
    List<ElectionProject> projects = new ArrayList<>();
    for (Project project : ballot.projects()) {
      projects.add(
          new ElectionProject(
              project.id(),
              project.cost().amount(),
              project.title().original(),
              project.themes(),
              project.district()));
    }
    Election election =
        new Election(
            ballot.envelope().amount(),
            ballot.envelope().currency().getCurrencyCode(),
            projects,
            decoder.ballots());
    return new Prepared(definition, ballot, decoder, election);
  }

  /**
   * The per-project number of counted ballots naming each project, over every budget of a process
   * on which a vote is declared (the vote counts of the CSV summary). Cheap: no counting rule runs.
   *
   * @param process the process
   * @param budgets its budgets
   * @return the counts; empty when no ballot was cast
   */
  public Map<ProjectId, Long> votes(ProcessId process, List<BudgetId> budgets) {
    Map<ProjectId, Long> votes = new HashMap<>();
    for (BudgetId budget : budgets) {
      if (ballotBox.settings(budget).isEmpty()) {
        continue;
      }
      try {
        database.inJdbcTransaction(
            connection -> {
              try (PreparedStatement query =
                  connection.prepareStatement(
                      "SELECT contents FROM polity_ballot WHERE budget_id = ?")) {
                query.setFetchSize(FETCH_SIZE);
                query.setString(1, budget.value());
                try (ResultSet rows = query.executeQuery()) {
                  while (rows.next()) {
                    for (String id : BallotDecoder.projectIds(rows.getString(1))) {
                      votes.merge(ProjectId.of(id), 1L, Long::sum);
                    }
                  }
                }
              }
              return null;
            });
      } catch (SQLException e) {
        throw new IllegalStateException(
            "Could not read the ballots of budget " + budget + ": " + e.getMessage(), e);
      }
    }
    return votes;
  }

  /**
   * Whether a budget's vote is finished: paper encoding is over, so no ballot can change any more.
   *
   * @param budget the budget
   * @return whether it is finished
   * @throws NotFoundException when no vote is declared on the budget
   */
  public boolean finished(BudgetId budget) {
    VoteSettings settings = ballotBox.settings(budget).orElseThrow(() -> noVote(budget));
    return !clock.instant().isBefore(settings.deskEncodingUntil());
  }

  /**
   * The results of a finished vote that was not published, counted once per application node: once
   * paper encoding is over no ballot can change, so a public endpoint does not count 400,000
   * ballots again at every request.
   *
   * @param budget the budget, whose vote is finished ({@link #finished})
   * @return the document ({@link ResultsJson#document}) of the count
   */
  public JsonObject finalCount(BudgetId budget) {
    JsonObject known = finalCounts.get(budget);
    if (known != null) {
      return known;
    }
    JsonObject counted = ResultsJson.document(count(budget), null);
    finalCounts.putIfAbsent(budget, counted);
    return finalCounts.get(budget);
  }

  /**
   * The results of a budget as published, if they were.
   *
   * @param budget the budget
   * @return the stored document ({@link ResultsJson#document}) with {@code publishedAt}
   */
  public Optional<JsonObject> published(BudgetId budget) {
    return database.inTransaction(
        em -> {
          List<?> rows =
              em.createNativeQuery(
                      "SELECT document FROM polity_published_results WHERE budget_id = ?1")
                  .setParameter(1, budget.value())
                  .getResultList();
          if (rows.isEmpty()) {
            return Optional.<JsonObject>empty();
          }
          try (var reader = Jsonp.JSON.createReader(new StringReader((String) rows.get(0)))) {
            return Optional.of(reader.readObject());
          }
        });
  }

  /**
   * What a publication did.
   *
   * @param selected the projects funded in the process, sorted
   * @param notSelected the other projects that were on the ballot, sorted
   * @param budgets the published results of each budget
   */
  public record Publication(
      List<ProjectId> selected, List<ProjectId> notSelected, List<BudgetResults> budgets) {}

  /**
   * Counts every budget of a process and publishes the outcome: proclaims the winners in the
   * edition, stores each budget's results, and fires {@link
   * org.polity.jakarta.events.ResultsPublished} after the commit. All or nothing.
   *
   * @param process the process
   * @param actor who publishes
   * @param why the public reason, or null for one naming the counting rule
   * @return what was published
   * @throws NotFoundException when there is no such process, or no vote on one of its budgets
   * @throws RefusalException 409 when a vote is not finished, results were published already, or
   *     the edition refuses the proclamation (the vote phase is not over)
   */
  public Publication publish(ProcessId process, String actor, LocalizedText why) {
    ProcessDefinition definition = processes.read(process, loaded -> loaded.definition());
    for (BudgetId budget : definition.budgets()) {
      VoteSettings settings = ballotBox.settings(budget).orElseThrow(() -> noVote(budget));
      if (clock.instant().isBefore(settings.deskEncodingUntil())) {
        throw new RefusalException(
            "vote-not-finished",
            409,
            "The results of process "
                + process
                + " can be published once every vote is finished; paper encoding on budget "
                + budget
                + " ends at "
                + settings.deskEncodingUntil()
                + ".");
      }
    }
    List<BudgetResults> results = new ArrayList<>();
    Set<ProjectId> winners = new LinkedHashSet<>();
    for (BudgetId budget : definition.budgets()) {
      BudgetResults one = count(budget);
      results.add(one);
      winners.addAll(one.result().winners());
    }
    LocalizedText reason = why != null ? why : ResultsJson.defaultReason(definition.counting());
    Instant at = clock.instant();
    List<Project> changed =
        processes.changeWith(
            process,
            null,
            0,
            (em, loaded) -> {
              for (BudgetId budget : definition.budgets()) {
                if (isPublished(em, budget)) {
                  throw new RefusalException(
                      "results-already-published",
                      409,
                      "The results of budget "
                          + budget
                          + " were published already; they stay as published.");
                }
              }
              Outcome<List<Project>> outcome = loaded.edition().proclaim(winners, actor, reason);
              if (outcome.refusal().isEmpty()) {
                for (BudgetResults one : results) {
                  em.createNativeQuery(
                          "INSERT INTO polity_published_results"
                              + " (budget_id, process_id, published_at, published_by, document) VALUES (?1, ?2, ?3, ?4, ?5)")
                      .setParameter(1, one.budget().value())
                      .setParameter(2, process.value())
                      .setParameter(
                          3, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                      .setParameter(4, actor)
                      .setParameter(5, ResultsJson.document(one, at).toString())
                      .executeUpdate();
                }
              }
              return outcome;
            });
    List<ProjectId> selected = new ArrayList<>();
    List<ProjectId> notSelected = new ArrayList<>();
    for (Project project : changed) {
      (project.status() == ProjectStatus.SELECTED ? selected : notSelected).add(project.id());
    }
    selected.sort(null);
    notSelected.sort(null);
    return new Publication(selected, notSelected, results);
  }

  private static boolean isPublished(EntityManager em, BudgetId budget) {
    return !em.createNativeQuery(
            "SELECT budget_id FROM polity_published_results WHERE budget_id = ?1")
        .setParameter(1, budget.value())
        .getResultList()
        .isEmpty();
  }

  /** A budget's ballot: its projects and envelope. */
  record BudgetBallot(List<Project> projects, Money envelope) {}

  /**
   * The projects a budget counts and its envelope (see {@link CountingDefinition}).
   *
   * @throws RefusalException 409 {@code budget-not-mapped} for a budget of a process with several
   *     budgets whose envelope the process does not give
   */
  static BudgetBallot ballot(
      ProcessDefinition definition, List<Project> all, Money processEnvelope, BudgetId budget) {
    CountingDefinition.BudgetCounting counting = definition.counting().of(budget);
    boolean several = definition.budgets().size() > 1;
    if (several && counting.envelope().isEmpty()) {
      throw new RefusalException(
          "budget-not-mapped",
          409,
          "Process "
              + definition.process().id()
              + " has several budgets but does not say what budget "
              + budget
              + " counts: give its envelope"
              + " and district in the process's \"counting\": {\"budgets\": {\""
              + budget
              + "\": {\"district\": ..., \"envelope\": {...}}}}.");
    }
    List<Project> projects = new ArrayList<>();
    for (Project project : all) {
      boolean onBallot =
          project.status() == ProjectStatus.ON_BALLOT
              || project.history().stream()
                  .anyMatch(change -> change.to() == ProjectStatus.ON_BALLOT);
      boolean inBudget =
          !several && counting.district().isEmpty()
              || project.district().equals(counting.district());
      if (onBallot && inBudget) {
        projects.add(project);
      }
    }
    return new BudgetBallot(projects, counting.envelope().orElse(processEnvelope));
  }

  /**
   * Streams the budget's counted ballots into the decoder: one query, contents only, decoded on a
   * second thread while the rows are fetched ({@link DecodingPipeline}).
   */
  private void stream(BudgetId budget, BallotDecoder decoder) {
    try {
      database.inJdbcTransaction(
          connection -> {
            try (PreparedStatement query =
                connection.prepareStatement(
                    "SELECT contents FROM polity_ballot WHERE budget_id = ?")) {
              query.setFetchSize(FETCH_SIZE);
              query.setString(1, budget.value());
              // PostgreSQL's driver gives a text column's bytes as received (UTF-8): no string
              // made.
              boolean bytes = POSTGRESQL.equals(connection.getMetaData().getDatabaseProductName());
              try (ResultSet rows = query.executeQuery();
                  DecodingPipeline pipeline = new DecodingPipeline(decoder)) {
                while (rows.next()) {
                  if (bytes) {
                    pipeline.add(rows.getBytes(1));
                  } else {
                    pipeline.add(rows.getString(1));
                  }
                }
                pipeline.finish();
              }
            }
            return null;
          });
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not read the ballots of budget " + budget + ": " + e.getMessage(), e);
    }
  }

  private static NotFoundException noVote(BudgetId budget) {
    return new NotFoundException("No vote is declared on budget " + budget + ".");
  }
}
