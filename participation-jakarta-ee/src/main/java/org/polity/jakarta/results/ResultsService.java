package org.polity.jakarta.results;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
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
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.common.Texts;
import org.polity.counting.CountingResult;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.RefusedException;
import org.polity.jakarta.problem.Result;
import org.polity.jakarta.process.BudgetBallot;
import org.polity.jakarta.process.CountingDefinition;
import org.polity.jakarta.process.ProcessDefinition;
import org.polity.jakarta.process.Processes;
import org.polity.jakarta.security.Caller;
import org.polity.jakarta.security.PolityRole;
import org.polity.pabulib.PabulibExport;
import org.polity.pabulib.PabulibFile;
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
 * the rules or the software change later ({@link PublishedResultsCodec}, the storage format).
 * Publishing twice is refused.
 *
 * <p><b>Who sees what, when.</b> Once the vote is finished (paper encoding over), everyone: the
 * published results if an administrator published them, otherwise the final count (counted once per
 * node). While the vote runs, administrators see a provisional count, a snapshot recounted at most
 * every {@code polity.results.provisional-every} and once enough new ballots were counted ({@code
 * polity.results.provisional-min-ballots}), so that no reading tells one person's ballot; anyone
 * else is refused ({@code vote-not-finished}). {@link #results} applies this.
 *
 * <p>The use cases return {@link Result}s: a refusal keeps the problem code and status of the REST
 * API ({@code not-found} 404, {@code vote-not-finished}, {@code budget-not-mapped}, {@code
 * counting-refused}, {@code results-already-published} 409, core's refusals of the proclamation
 * 409), with its detail in French, Dutch and English.
 */
@ApplicationScoped
public class ResultsService {

  /** Rows fetched per round trip while streaming ballots. */
  static final int FETCH_SIZE = 10_000;

  private static final String POSTGRESQL = "PostgreSQL";

  private static final Texts TEXTS = Texts.of(ResultsService.class);

  @Inject PolityDatabase database;
  @Inject Processes processes;
  @Inject BallotBox ballotBox;
  @Inject Clock clock;
  @Inject Plugins plugins;

  private final Map<BudgetId, JsonObject> finalCounts =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<BudgetId, Snapshot> snapshots = new java.util.concurrent.ConcurrentHashMap<>();
  private Duration provisionalEvery = Duration.ofMinutes(15);
  private long provisionalMinBallots = 100;

  /** Creates the service; CDI calls it. */
  public ResultsService() {}

  @jakarta.annotation.PostConstruct
  void readSettings() {
    org.eclipse.microprofile.config.Config config =
        org.eclipse.microprofile.config.ConfigProvider.getConfig();
    provisionalEvery = ResultsCapability.provisionalEvery(config);
    provisionalMinBallots = ResultsCapability.provisionalMinBallots(config);
  }

  /**
   * Results that a caller may see: a language-neutral document ({@link ResultsJson#document}, with
   * {@code publishedAt} once published) and whether it is a provisional count of a running vote.
   *
   * @param document the document; {@link ResultsJson#view} renders it in one language
   * @param provisional whether the vote is still running (a count only staff may see)
   */
  public record Shown(JsonObject document, boolean provisional) {
    /** Refuses a null document. */
    public Shown {
      java.util.Objects.requireNonNull(document, "document");
    }

    /**
     * Whether these are the published results.
     *
     * @return whether the document has {@code publishedAt}
     */
    public boolean published() {
      return document.containsKey("publishedAt");
    }
  }

  /**
   * The results of a budget that this caller may see: once the vote is finished, the published
   * results if any, else the final count; before, a provisional snapshot for administrators
   * (refused {@code provisional-results-not-yet}, 409, before enough ballots), and a refusal
   * ({@code vote-not-finished}, 409) for anyone else.
   *
   * @param budget the budget
   * @param caller who asks
   * @return the results; refused with 404 without a vote or a process, 409 before the end for the
   *     public or when the budget cannot be counted
   */
  public Result<Shown> results(BudgetId budget, Caller caller) {
    Result<Boolean> finished = finished(budget);
    if (finished.refusal().isPresent()) {
      return Result.refused(finished.refusal().get());
    }
    if (finished.orElseThrow()) {
      Optional<JsonObject> published = published(budget);
      if (published.isPresent()) {
        return Result.ok(new Shown(published.get(), false));
      }
      return finalCount(budget).map(document -> new Shown(document, false));
    }
    if (!caller.hasAny(PolityRole.ADMINISTRATOR)) {
      return conflict("vote-not-finished", "results.not-finished", budget.value());
    }
    return provisional(budget);
  }

  /**
   * The provisional count of a running vote: a snapshot, recounted at most every {@link
   * ResultsCapability#PROVISIONAL_EVERY} and only once {@link
   * ResultsCapability#PROVISIONAL_MIN_BALLOTS} ballots were counted since the last one, so that two
   * readings never tell one person's ballot (docs/integrity.md).
   */
  private Result<Shown> provisional(BudgetId budget) {
    long ballots = ballotBox.turnout(budget).total();
    Instant now = clock.instant();
    Snapshot last = snapshots.get(budget);
    boolean due =
        last == null
            ? ballots >= provisionalMinBallots
            : ballots - last.ballots() >= provisionalMinBallots
                && !now.isBefore(last.takenAt().plus(provisionalEvery));
    if (due) {
      Result<BudgetResults> counted = count(budget);
      if (counted.refusal().isPresent()) {
        return Result.refused(counted.refusal().get());
      }
      last = new Snapshot(ResultsJson.document(counted.orElseThrow(), null), ballots, now);
      snapshots.put(budget, last);
    }
    if (last == null) {
      return conflict(
          "provisional-results-not-yet",
          "results.provisional-not-yet",
          budget.value(),
          provisionalMinBallots);
    }
    return Result.ok(new Shown(last.document(), true));
  }

  /** A provisional count: its document, the ballots it counted, and when it was taken. */
  private record Snapshot(JsonObject document, long ballots, Instant takenAt) {}

  /**
   * The counted ballots of a finished vote as a Pabulib file: the budget, its projects with their
   * cost and votes, and one anonymous line per ballot.
   *
   * @param budget the budget
   * @return the file; refused with 404 without a vote or a process, 409 {@code vote-not-finished}
   *     before the end, 409 {@code ballots-not-exportable} when ballots of several kinds were cast
   */
  public Result<PabulibFile> ballots(BudgetId budget) {
    Result<Boolean> finished = finished(budget);
    if (finished.refusal().isPresent()) {
      return Result.refused(finished.refusal().get());
    }
    if (!finished.orElseThrow()) {
      return conflict("vote-not-finished", "results.ballots-not-finished", budget.value());
    }
    Result<Election> election = election(budget);
    if (election.refusal().isPresent()) {
      return Result.refused(election.refusal().get());
    }
    Map<String, String> meta = new java.util.LinkedHashMap<>();
    meta.put("description", "Polity budget " + budget.value());
    meta.put("instance", budget.value());
    try {
      return Result.ok(PabulibExport.toFile(election.orElseThrow(), meta));
    } catch (IllegalArgumentException e) {
      return conflict(
          "ballots-not-exportable",
          "results.ballots-not-exportable",
          budget.value(),
          String.valueOf(e.getMessage()));
    }
  }

  /**
   * Counts a budget now, from its counted ballots, whether or not its vote is finished (callers
   * decide who may see a provisional count: {@link #results} does).
   *
   * @param budget the budget
   * @return the results; refused with 404 when no vote is declared on the budget or no process
   *     declares it, 409 when the process does not say what the budget counts ({@code
   *     budget-not-mapped}) or the rule refuses the ballots ({@code counting-refused})
   */
  public Result<BudgetResults> count(BudgetId budget) {
    Result<Prepared> ready = prepare(budget);
    if (ready.refusal().isPresent()) {
      return Result.refused(ready.refusal().get());
    }
    Prepared prepared = ready.orElseThrow();
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
      result = plugins.countingRule(counting.rule()).count(election, counting.options(budget));
    } catch (IllegalArgumentException | ArithmeticException e) {
      return conflict(
          "counting-refused",
          "results.counting-refused",
          budget.value(),
          counting.rule(),
          String.valueOf(e.getMessage()));
    }
    return Result.ok(
        new BudgetResults(
            budget,
            processId,
            counting,
            ballot.envelope(),
            tallies,
            election,
            decoder.ignoredMentions(),
            result,
            clock.instant()));
  }

  /**
   * What a budget counts: its envelope, its projects and its counted ballots (projects outside the
   * budget left out), as core's {@link Election}; what the Pabulib export publishes.
   *
   * @param budget the budget
   * @return the election; refused with 404 when no vote is declared on the budget or no process
   *     declares it, 409 when the process does not say what the budget counts
   */
  public Result<Election> election(BudgetId budget) {
    return prepare(budget).map(Prepared::election);
  }

  /** A budget's process, ballot, decoded ballots and election. */
  private record Prepared(
      ProcessDefinition definition,
      BudgetBallot ballot,
      BallotDecoder decoder,
      Election election) {}

  private Result<Prepared> prepare(BudgetId budget) {
    if (ballotBox.settings(budget).isEmpty()) {
      return Result.refused(noVote(budget));
    }
    Optional<ProcessDefinition> declaring = processes.ofBudget(budget);
    if (declaring.isEmpty()) {
      return Result.refused(Refusal.notFound(TEXTS.text("results.no-process", budget.value())));
    }
    ProcessDefinition definition = declaring.get();
    Result<BudgetBallot> counted = processes.ballot(budget);
    if (counted.refusal().isPresent()) {
      return Result.refused(counted.refusal().get());
    }
    BudgetBallot ballot = counted.orElseThrow();
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
    return Result.ok(new Prepared(definition, ballot, decoder, election));
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
              requireReadableFormat(connection, budget);
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
   * @return whether it is finished; refused with 404 when no vote is declared on the budget
   */
  public Result<Boolean> finished(BudgetId budget) {
    Optional<VoteSettings> settings = ballotBox.settings(budget);
    if (settings.isEmpty()) {
      return Result.refused(noVote(budget));
    }
    return Result.ok(!clock.instant().isBefore(settings.get().deskEncodingUntil()));
  }

  /**
   * The results of a finished vote that was not published, counted once per application node: once
   * paper encoding is over no ballot can change, so a public endpoint does not count 400,000
   * ballots again at every request.
   *
   * @param budget the budget, whose vote is finished ({@link #finished})
   * @return the document ({@link ResultsJson#document}) of the count, or why it cannot be counted
   */
  public Result<JsonObject> finalCount(BudgetId budget) {
    JsonObject known = finalCounts.get(budget);
    if (known != null) {
      return Result.ok(known);
    }
    Result<BudgetResults> counted = count(budget);
    if (counted.refusal().isPresent()) {
      return Result.refused(counted.refusal().get());
    }
    finalCounts.putIfAbsent(budget, ResultsJson.document(counted.orElseThrow(), null));
    return Result.ok(finalCounts.get(budget));
  }

  /**
   * The results of a budget as published, if they were, read with {@link PublishedResultsCodec}
   * (documents stored by earlier releases included).
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
          return Optional.of(PublishedResultsCodec.read((String) rows.get(0)));
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
   * Counts every budget of a process and publishes the outcome, for an administrator: proclaims the
   * winners in the edition, stores each budget's results, and fires {@link
   * org.polity.jakarta.events.ResultsPublished} after the commit. All or nothing.
   *
   * @param process the process
   * @param caller who publishes: an administrator
   * @param why the public reason, or null for one naming the counting rule
   * @return what was published; refused with 403 for anyone but an administrator, 404 when there is
   *     no such process or no vote on one of its budgets, 409 when a vote is not finished, results
   *     were published already, or the edition refuses the proclamation (the vote phase is not
   *     over)
   */
  public Result<Publication> publish(ProcessId process, Caller caller, LocalizedText why) {
    if (!caller.hasAny(PolityRole.ADMINISTRATOR) || caller.name().isEmpty()) {
      return Result.refused(
          Refusal.of(Refusal.Kind.FORBIDDEN, "forbidden", TEXTS.text("results.not-administrator")));
    }
    return publishAs(process, caller.name().get(), why);
  }

  /**
   * Counts every budget of a process and publishes the outcome (see {@link #publish(ProcessId,
   * Caller, LocalizedText)}), for a caller that checked the permission itself.
   *
   * @param process the process
   * @param actor who publishes
   * @param why the public reason, or null for one naming the counting rule
   * @return what was published
   * @throws RefusedException with the refusal of {@link #publish(ProcessId, Caller, LocalizedText)}
   * @deprecated kept for the process capability's resource until it calls {@link
   *     #publish(ProcessId, Caller, LocalizedText)}
   */
  @Deprecated
  public Publication publish(ProcessId process, String actor, LocalizedText why) {
    return publishAs(process, actor, why).orElseThrow();
  }

  private Result<Publication> publishAs(ProcessId process, String actor, LocalizedText why) {
    if (!processes.ids().contains(process)) {
      return Result.refused(
          Refusal.notFound(TEXTS.text("results.no-such-process", process.value())));
    }
    ProcessDefinition definition = processes.read(process, loaded -> loaded.definition());
    for (BudgetId budget : definition.budgets()) {
      Optional<VoteSettings> settings = ballotBox.settings(budget);
      if (settings.isEmpty()) {
        return Result.refused(noVote(budget));
      }
      Instant until = settings.get().deskEncodingUntil();
      if (clock.instant().isBefore(until)) {
        return conflict(
            "vote-not-finished",
            "results.publication-not-finished",
            process.value(),
            budget.value(),
            until.toString());
      }
    }
    List<BudgetResults> results = new ArrayList<>();
    Set<ProjectId> winners = new LinkedHashSet<>();
    for (BudgetId budget : definition.budgets()) {
      Result<BudgetResults> one = count(budget);
      if (one.refusal().isPresent()) {
        return Result.refused(one.refusal().get());
      }
      results.add(one.orElseThrow());
      winners.addAll(one.orElseThrow().result().winners());
    }
    LocalizedText reason = why != null ? why : ResultsJson.defaultReason(definition.counting());
    Instant at = clock.instant();
    List<Project> changed;
    try {
      changed =
          processes.changeWith(
              process,
              null,
              0,
              (em, loaded) ->
                  proclaim(em, loaded, definition, results, winners, actor, reason, at));
    } catch (RefusedException refused) {
      return Result.refused(refused.refusal());
    }
    List<ProjectId> selected = new ArrayList<>();
    List<ProjectId> notSelected = new ArrayList<>();
    for (Project project : changed) {
      (project.status() == ProjectStatus.SELECTED ? selected : notSelected).add(project.id());
    }
    selected.sort(null);
    notSelected.sort(null);
    return Result.ok(new Publication(selected, notSelected, results));
  }

  /**
   * Inside the process's transaction: refuses a second publication, proclaims the winners and
   * stores the results. A refusal is thrown as {@link RefusedException}, so that nothing is kept.
   */
  private static Outcome<List<Project>> proclaim(
      EntityManager em,
      Processes.Loaded loaded,
      ProcessDefinition definition,
      List<BudgetResults> results,
      Set<ProjectId> winners,
      String actor,
      LocalizedText reason,
      Instant at) {
    for (BudgetId budget : definition.budgets()) {
      if (isPublished(em, budget)) {
        throw Refusal.of(
                Refusal.Kind.CONFLICT,
                "results-already-published",
                TEXTS.text("results.already-published", budget.value()))
            .toException();
      }
    }
    Outcome<List<Project>> outcome = loaded.edition().proclaim(winners, actor, reason);
    if (outcome.refusal().isPresent()) {
      throw Refusal.of(Refusal.Kind.CONFLICT, outcome.refusal().get()).toException();
    }
    for (BudgetResults one : results) {
      em.createNativeQuery(
              "INSERT INTO polity_published_results"
                  + " (budget_id, process_id, published_at, published_by, document)"
                  + " VALUES (?1, ?2, ?3, ?4, ?5)")
          .setParameter(1, one.budget().value())
          .setParameter(2, one.process().value())
          .setParameter(3, java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
          .setParameter(4, actor)
          .setParameter(5, PublishedResultsCodec.write(ResultsJson.document(one, at)))
          .executeUpdate();
    }
    return outcome;
  }

  private static boolean isPublished(EntityManager em, BudgetId budget) {
    return !em.createNativeQuery(
            "SELECT budget_id FROM polity_published_results WHERE budget_id = ?1")
        .setParameter(1, budget.value())
        .getResultList()
        .isEmpty();
  }

  /**
   * Streams the budget's counted ballots into the decoder: one query, contents only, decoded on a
   * second thread while the rows are fetched ({@link DecodingPipeline}).
   */
  private void stream(BudgetId budget, BallotDecoder decoder) {
    try {
      database.inJdbcTransaction(
          connection -> {
            requireReadableFormat(connection, budget);
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

  /**
   * Refuses to count a budget whose stored ballots are in a format the decoders do not read (a
   * database written by a newer Polity): counting them as empty would be wrong.
   */
  private static void requireReadableFormat(java.sql.Connection connection, BudgetId budget)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT COUNT(*) FROM polity_ballot WHERE budget_id = ? AND contents_format <> ?")) {
      query.setString(1, budget.value());
      query.setInt(2, org.polity.jakarta.voting.StoredBallots.FORMAT);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        if (rows.getLong(1) > 0) {
          throw new IllegalStateException(
              rows.getLong(1)
                  + " ballots of budget "
                  + budget
                  + " are stored in a format this Polity does not read (it reads format "
                  + org.polity.jakarta.voting.StoredBallots.FORMAT
                  + "): run the Polity version that wrote them, or a newer one.");
        }
      }
    }
  }

  private static Refusal noVote(BudgetId budget) {
    return Refusal.notFound(TEXTS.text("results.no-vote", budget.value()));
  }

  private static <T> Result<T> conflict(String code, String key, Object... args) {
    return Result.refused(Refusal.of(Refusal.Kind.CONFLICT, code, TEXTS.text(key, args)));
  }
}
