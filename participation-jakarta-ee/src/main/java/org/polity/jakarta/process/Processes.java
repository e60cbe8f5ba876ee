package org.polity.jakarta.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.polity.common.BudgetId;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.common.Texts;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.events.IdeaSubmitted;
import org.polity.jakarta.events.PhaseOpened;
import org.polity.jakarta.events.ProjectStatusChanged;
import org.polity.jakarta.events.ResultsPublished;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.Refusal;
import org.polity.jakarta.problem.RefusedException;
import org.polity.jakarta.problem.Result;
import org.polity.process.Outcome;
import org.polity.process.ParticipatoryProcess;
import org.polity.process.PhaseCalendar;
import org.polity.process.PhaseMove;
import org.polity.process.PhaseProgression;
import org.polity.process.ProcessKind;
import org.polity.project.Edition;
import org.polity.project.Project;
import org.polity.project.ProjectStatus;
import org.polity.project.StatusChange;

/**
 * The shared machinery of the process and project capabilities (not a use-case service: {@link
 * ProcessService} and {@link org.polity.jakarta.project.ProjectService} are): it loads a process
 * from the database ({@link ProcessStore}) as a {@link Loaded} snapshot, applies one change to it,
 * stores what changed, and fires the domain events after the commit:
 *
 * <ul>
 *   <li>{@link #read} and {@link #find} work on a snapshot without locking;
 *   <li>{@link #attempt} (and {@link #change}, {@link #changeWith}) lock the process row ({@code
 *       SELECT ... FOR UPDATE}) for the transaction, so that changes to one process are serialised
 *       across application nodes sharing the database, check the project's version when the caller
 *       gives one ({@code If-Match}), store every changed project with a new version, and fire the
 *       domain events after the commit.
 * </ul>
 *
 * A loaded process is a {@link ParticipatoryProcess} with its kind and its {@link PhaseCalendar};
 * only the kinds that have projects ({@link ProcessKind#hasProjects()}, decided when the process
 * was declared and kept in its stored document, {@link ProcessStorage}) also get an {@link Edition}
 * (projects, ballot). Wave 2's consultations and assemblies will add their own content beside the
 * edition here ({@link Loaded#projects()} is the model).
 *
 * <p>Why documents rather than a table per value: core's aggregates are immutable snapshots with
 * nested values (histories, reviews, multilingual texts, geometries) and no persistence
 * annotations; a JSON document per aggregate keeps the mapping in one codec ({@link
 * ProcessStorage}, {@link org.polity.jakarta.project.ProjectStorage}), the schema small and stable,
 * and the row version is the optimistic-concurrency token the API exposes as ETag. Definitions are
 * parsed once per version and cached.
 */
@ApplicationScoped
public class Processes {

  /** The texts of the process and project capabilities (refusals), in fr, nl and en. */
  public static final Texts TEXTS = Texts.of(Processes.class);

  @Inject PolityDatabase database;
  @Inject ProcessStore store;
  @Inject Plugins plugins;
  @Inject ParticipantKeyer keyer;
  @Inject Clock clock;
  @Inject Event<IdeaSubmitted> ideaSubmitted;
  @Inject Event<ProjectStatusChanged> statusChanged;
  @Inject Event<PhaseOpened> phaseOpened;
  @Inject Event<ResultsPublished> resultsPublished;

  private final Map<ProcessId, Map.Entry<JsonObject, ProcessDefinition>> definitions =
      new ConcurrentHashMap<>();

  /**
   * The definitions of started processes (a phase move stored), by budget: read on every ballot
   * ({@link #ofBudget}), so kept in memory. Safe across nodes because a started process's
   * definition and budgets never change again ({@link #declare} refuses, under the row lock, once a
   * move is stored), and processes are never deleted. Issue 5 (vote intake): this saves a
   * transaction, a query and a JSON parse per ballot.
   */
  private final Map<BudgetId, ProcessDefinition> startedByBudget = new ConcurrentHashMap<>();

  /** Creates the machinery; CDI calls it. */
  public Processes() {}

  /**
   * A loaded process: its definition, its phase calendar, its edition when its kind has projects,
   * and the versions of its projects.
   */
  public static final class Loaded {
    private final ProcessDefinition definition;
    private final PhaseCalendar calendar;
    private final Edition edition;
    private final boolean hasProjects;
    private final Map<ProjectId, Long> versions;
    private final int storedMoves;
    private final Clock clock;

    Loaded(
        ProcessDefinition definition,
        PhaseCalendar calendar,
        Edition edition,
        boolean hasProjects,
        Map<ProjectId, Long> versions,
        int storedMoves,
        Clock clock) {
      this.definition = definition;
      this.calendar = calendar;
      this.edition = edition;
      this.hasProjects = hasProjects;
      this.versions = Map.copyOf(versions);
      this.storedMoves = storedMoves;
      this.clock = clock;
    }

    /**
     * The definition.
     *
     * @return the definition
     */
    public ProcessDefinition definition() {
      return definition;
    }

    /**
     * The process, with its kind.
     *
     * @return the process
     */
    public ParticipatoryProcess process() {
      return definition.process();
    }

    /**
     * The phase calendar, restored from the stored moves.
     *
     * @return the calendar
     */
    public PhaseCalendar calendar() {
      return calendar;
    }

    /**
     * The edition (projects, ballot), for a process whose kind has projects.
     *
     * @return the edition, or empty for a process without projects
     */
    public Optional<Edition> projects() {
      return hasProjects ? Optional.of(edition) : Optional.empty();
    }

    /**
     * The edition, or the refusal {@code process-has-no-projects} (409).
     *
     * @return the edition, or the refusal
     */
    public Result<Edition> withProjects() {
      if (hasProjects) {
        return Result.ok(edition);
      }
      return Result.refused(
          Refusal.of(
              Refusal.Kind.CONFLICT,
              "process-has-no-projects",
              TEXTS.text("process-has-no-projects", process().id().value(), process().kind())));
    }

    /**
     * The edition, as callers written before process kinds use it (the results, the map layers):
     * for a process without projects, an empty edition on the same phase history, detached (nothing
     * done to it is stored). New code uses {@link #projects()} or {@link #withProjects()}.
     *
     * @return the edition
     */
    public Edition edition() {
      if (hasProjects) {
        return edition;
      }
      return Edition.restore(process(), clock, List.of(), calendar.history());
    }

    /**
     * Each project's version.
     *
     * @return the versions
     */
    public Map<ProjectId, Long> versions() {
      return versions;
    }

    /**
     * How many phase moves were stored when the process was loaded; the calendar may since have
     * made more, which the dates called for.
     *
     * @return the number of stored moves
     */
    public int storedMoves() {
      return storedMoves;
    }

    /**
     * A project's version, or the refusal {@code not-found}.
     *
     * @param id the project
     * @return the version, or the refusal
     */
    public Result<Long> findVersion(ProjectId id) {
      Long version = versions.get(id);
      if (version == null) {
        return Result.refused(
            Refusal.notFound(TEXTS.text("project.not-found", id.value(), process().id().value())));
      }
      return Result.ok(version);
    }

    /**
     * A project's version, as an ETag value.
     *
     * @param id the project
     * @return the version
     * @throws RefusedException {@code not-found} (404) if the process has no such project
     */
    public long version(ProjectId id) {
      return findVersion(id).orElseThrow();
    }
  }

  /**
   * A declared process.
   *
   * @param definition the definition
   * @param created whether the process is new (false: its definition was replaced or unchanged)
   */
  public record Declared(ProcessDefinition definition, boolean created) {}

  /**
   * Declares a process, or replaces its definition while it has no project and no phase has opened.
   * Whether it has projects is decided here, by its kind, and stored with it.
   *
   * @param id the process
   * @param document the definition ({@link ProcessDocuments})
   * @return the definition and whether the process is new; refused (409) when the process has
   *     started ({@code process-started}) or a budget belongs to another process ({@code
   *     budget-of-another-process})
   * @throws org.polity.jakarta.problem.InvalidInputException for a malformed definition
   */
  public Result<Declared> attemptDeclare(ProcessId id, JsonObject document) {
    ProcessDefinition definition = ProcessDocuments.read(id, document, plugins, keyer);
    boolean projects = definition.process().kind().hasProjects();
    return database.inTransaction(
        em -> {
          for (BudgetId budget : definition.budgets()) {
            Optional<ProcessId> owner = store.processOf(em, budget);
            if (owner.isPresent() && !owner.get().equals(id)) {
              return Result.<Declared>refused(
                  Refusal.of(
                      Refusal.Kind.CONFLICT,
                      "budget-of-another-process",
                      TEXTS.text(
                          "budget-of-another-process", budget.value(), owner.get().value())));
            }
          }
          Optional<ProcessStore.ProcessRow> existing = store.process(em, id, true);
          if (existing.isEmpty()) {
            store.insertProcess(em, id, document, projects, definition.budgets());
            return Result.ok(new Declared(definition, true));
          }
          if (!existing.get().moves().isEmpty() || !store.projects(em, id).isEmpty()) {
            if (existing.get().definition().equals(document)) {
              return Result.ok(new Declared(definition, false));
            }
            return Result.<Declared>refused(
                Refusal.of(
                    Refusal.Kind.CONFLICT,
                    "process-started",
                    TEXTS.text("process-started", id.value())));
          }
          store.replaceDefinition(em, id, document, projects, definition.budgets());
          return Result.ok(new Declared(definition, false));
        });
  }

  /**
   * Declares a process ({@link #attemptDeclare} for callers that throw).
   *
   * @param id the process
   * @param document the definition ({@link ProcessDocuments})
   * @return the definition, and whether the process is new
   * @throws RefusedException 409 when the process has started, or a budget belongs to another
   *     process
   * @throws org.polity.jakarta.problem.InvalidInputException for a malformed definition
   */
  public Map.Entry<ProcessDefinition, Boolean> declare(ProcessId id, JsonObject document) {
    Declared declared = attemptDeclare(id, document).orElseThrow();
    return Map.entry(declared.definition(), declared.created());
  }

  /**
   * Reads every stored process definition again, with the files it names (the census registers of
   * its eligibility rules, the GeoJSON areas of {@code livesInArea}), and keeps them read: what the
   * application does when it starts ({@code PolityServer.start}; a portal calls it from its own
   * start-up), so that a file that changed or disappeared since the process was declared stops the
   * start instead of failing the requests that read the process.
   *
   * @return how many definitions were read
   * @throws ConfigurationException naming each process, the file and line or member that is wrong,
   *     and the fix
   */
  public int checkStoredDefinitions() {
    List<String> problems = new ArrayList<>();
    int read = 0;
    for (ProcessId id : ids()) {
      Optional<ProcessStore.ProcessRow> row =
          database.inTransaction(em -> store.process(em, id, false));
      if (row.isEmpty()) {
        continue;
      }
      try {
        definition(row.get());
        read++;
      } catch (RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        problems.add(
            "The stored process "
                + id.value()
                + " cannot be read: "
                + message
                + (message.endsWith(".") ? "" : ".")
                + " Fix or restore the file it names (the census register, the areas), as it was"
                + " when the process was declared; or, while no phase has opened, declare the"
                + " process again (PUT /api/v1/processes/"
                + id.value()
                + ") with a file that reads.");
      }
    }
    if (!problems.isEmpty()) {
      throw new org.polity.jakarta.config.ConfigurationException(problems);
    }
    return read;
  }

  /**
   * The ids of every process.
   *
   * @return the ids, sorted
   */
  public List<ProcessId> ids() {
    return database.inTransaction(store::processIds);
  }

  /**
   * The process that a budget belongs to, with its definition.
   *
   * @param budget the budget
   * @return the definition, if a process declares the budget
   */
  public Optional<ProcessDefinition> ofBudget(BudgetId budget) {
    ProcessDefinition started = startedByBudget.get(budget);
    if (started != null) {
      return Optional.of(started);
    }
    return database.inTransaction(
        em ->
            store
                .processOf(em, budget)
                .flatMap(id -> store.process(em, id, false))
                .map(
                    row -> {
                      ProcessDefinition definition = definition(row);
                      if (!row.moves().isEmpty()) {
                        startedByBudget.put(budget, definition);
                      }
                      return definition;
                    }));
  }

  /**
   * What the ballot of a budget holds now: the projects put on the ballot for it (those whose
   * status is or was {@code ON_BALLOT}, of the budget's district when the process has several
   * budgets; never a project refused at validation), its envelope (the budget's own, else the
   * process's), and the process's current phase.
   *
   * @param budget the budget
   * @return the ballot; refused not found when no process declares the budget, 409 {@code
   *     budget-not-mapped} for a budget of a process with several budgets whose envelope the
   *     process does not give
   */
  public Result<BudgetBallot> ballot(BudgetId budget) {
    Optional<ProcessDefinition> declaring = ofBudget(budget);
    if (declaring.isEmpty()) {
      return Result.refused(Refusal.notFound(TEXTS.text("budget.without-process", budget.value())));
    }
    ProcessDefinition definition = declaring.get();
    return find(definition.process().id(), loaded -> ballot(definition, loaded, budget))
        .flatMap(ballot -> ballot);
  }

  private static Result<BudgetBallot> ballot(
      ProcessDefinition definition, Loaded loaded, BudgetId budget) {
    CountingDefinition.BudgetCounting counting = definition.counting().of(budget);
    boolean several = definition.budgets().size() > 1;
    if (several && counting.envelope().isEmpty()) {
      return Result.refused(
          Refusal.of(
              Refusal.Kind.CONFLICT,
              "budget-not-mapped",
              TEXTS.text("budget.not-mapped", definition.process().id().value(), budget.value())));
    }
    Edition edition = loaded.edition();
    List<Project> projects = new ArrayList<>();
    for (Project project : edition.projects()) {
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
    return Result.ok(
        new BudgetBallot(
            budget,
            definition.process().id(),
            projects,
            counting.envelope().orElse(edition.envelope()),
            loaded.calendar().current()));
  }

  /**
   * Makes, stores and announces ({@link PhaseOpened}) the phase moves that the dates call for, in
   * every process that follows its dates, without waiting for somebody to read the process. {@link
   * PhaseScheduler} calls it periodically (through {@link ProcessService#advanceByDates}). Only
   * processes whose next phase is due are loaded whole; several nodes may call it at once (each
   * process is changed under its lock, so a move is stored and announced once).
   *
   * @return the processes in which a phase was due
   */
  public List<ProcessId> advanceByDates() {
    Instant now = clock.instant();
    List<ProcessId> due =
        database.inTransaction(
            em -> {
              List<ProcessId> found = new ArrayList<>();
              for (ProcessId id : store.processIds(em)) {
                store
                    .process(em, id, false)
                    .ifPresent(
                        row -> {
                          if (phaseDue(definition(row).process(), row.moves(), now)) {
                            found.add(id);
                          }
                        });
              }
              return found;
            });
    for (ProcessId id : due) {
      read(id, loaded -> loaded.calendar().currentIndex());
    }
    return due;
  }

  /** Whether the dates call for a later phase than the last one opened. */
  static boolean phaseDue(ParticipatoryProcess process, List<PhaseMove> moves, Instant now) {
    if (process.progression() != PhaseProgression.BY_DATES) {
      return false;
    }
    int current = -1;
    if (!moves.isEmpty()) {
      String last = moves.get(moves.size() - 1).to();
      for (int i = 0; i < process.phases().size(); i++) {
        if (process.phases().get(i).id().equals(last)) {
          current = i;
        }
      }
    }
    for (int i = process.phases().size() - 1; i > current; i--) {
      Optional<Instant> start = process.scheduledStart(i);
      if (start.isPresent() && !start.get().isAfter(now)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Works on a snapshot of a process, or says it does not exist. Phase moves that the dates caused
   * meanwhile are stored (and announced) afterwards.
   *
   * @param id the process
   * @param work what to read
   * @param <T> the result
   * @return the result, or the refusal {@code not-found} (404)
   */
  public <T> Result<T> find(ProcessId id, Function<Loaded, T> work) {
    Optional<Loaded> loaded = database.inTransaction(em -> load(em, id, false));
    if (loaded.isEmpty()) {
      return Result.refused(noProcess(id));
    }
    T result = work.apply(loaded.get());
    if (loaded.get().calendar().history().size() > loaded.get().storedMoves()) {
      change(id, null, 0, l -> Outcome.done(Boolean.TRUE));
    }
    return Result.ok(result);
  }

  /**
   * Works on a snapshot of a process. Phase moves that the dates caused meanwhile are stored (and
   * announced) afterwards.
   *
   * @param id the process
   * @param work what to read
   * @param <T> the result
   * @return the result
   * @throws RefusedException {@code not-found} (404) if there is no such process
   */
  public <T> T read(ProcessId id, Function<Loaded, T> work) {
    return find(id, work).orElseThrow();
  }

  /**
   * Changes a process or its projects, under the process's lock, and says how it went: refusals
   * (core's, the version's, a missing process or project) are values and change nothing.
   *
   * @param id the process
   * @param project the project the caller read and means to change, with {@code version}; null when
   *     the change is not about one project read before
   * @param version the version the caller read ({@code If-Match})
   * @param work the change, given the transaction (for the caller's own rows, which commit or roll
   *     back with the change) and the loaded process; a refusal changes nothing
   * @param <T> the result
   * @return the result, committed; or the refusal: {@code not-found} (404), {@code
   *     precondition-failed} (412) when the project's version is no longer {@code version}, core's
   *     refusal as a conflict (409)
   */
  public <T> Result<T> attempt(
      ProcessId id,
      ProjectId project,
      long version,
      BiFunction<EntityManager, Loaded, Outcome<T>> work) {
    List<Runnable> events = new ArrayList<>();
    T result;
    try {
      result =
          database.inTransaction(
              em -> {
                Loaded loaded = load(em, id, true).orElseThrow(() -> noProcess(id).toException());
                if (project != null && loaded.version(project) != version) {
                  throw stale(
                          TEXTS.text(
                              "precondition-failed",
                              project.value(),
                              Long.toString(version),
                              Long.toString(loaded.version(project))))
                      .toException();
                }
                Map<ProjectId, Project> before = new HashMap<>();
                loaded.projects().ifPresent(e -> e.projects().forEach(p -> before.put(p.id(), p)));
                Outcome<T> outcome = work.apply(em, loaded);
                if (outcome.refusal().isPresent()) {
                  throw Refusal.of(Refusal.Kind.CONFLICT, outcome.refusal().get()).toException();
                }
                persist(em, loaded, before, loaded.storedMoves(), events);
                return outcome.orElseThrow();
              });
    } catch (RefusedException refused) {
      return Result.refused(refused.refusal());
    }
    events.forEach(Runnable::run);
    return Result.ok(result);
  }

  /**
   * Changes a process or its projects, under the process's lock ({@link #attempt} for callers that
   * throw).
   *
   * @param id the process
   * @param project the project the caller read and means to change, with {@code version}; null when
   *     the change is not about one project read before
   * @param version the version the caller read ({@code If-Match})
   * @param work the change; a refusal changes nothing
   * @param <T> the result
   * @return the result, committed
   * @throws RefusedException 404 for a missing process or project, 412 when the project's version
   *     is no longer {@code version}
   * @throws RefusedException 409 when core refuses
   */
  public <T> T change(
      ProcessId id, ProjectId project, long version, Function<Loaded, Outcome<T>> work) {
    return changeWith(id, project, version, (em, loaded) -> work.apply(loaded));
  }

  /**
   * Changes a process or its projects, under the process's lock, with the transaction at hand for
   * the caller's own rows (such as the published results), which commit or roll back with the
   * change ({@link #attempt} for callers that throw).
   *
   * @param id the process
   * @param project the project the caller read and means to change, or null
   * @param version the version the caller read ({@code If-Match})
   * @param work the change, given the transaction and the loaded process; a refusal changes nothing
   * @param <T> the result
   * @return the result, committed
   * @throws RefusedException 404 for a missing process or project, 412 when the project's version
   *     is no longer {@code version}
   * @throws RefusedException 409 when core refuses
   */
  public <T> T changeWith(
      ProcessId id,
      ProjectId project,
      long version,
      BiFunction<EntityManager, Loaded, Outcome<T>> work) {
    return attempt(id, project, version, work).orElseThrow();
  }

  /**
   * The refusal {@code not-found} for a missing process.
   *
   * @param id the process
   * @return the refusal
   */
  public static Refusal noProcess(ProcessId id) {
    return Refusal.notFound(TEXTS.text("process.not-found", id.value()));
  }

  private static Refusal stale(org.polity.common.LocalizedText detail) {
    return Refusal.of(Refusal.Kind.STALE, "precondition-failed", detail);
  }

  private void persist(
      EntityManager em,
      Loaded loaded,
      Map<ProjectId, Project> before,
      int movesBefore,
      List<Runnable> events) {
    ProcessId id = loaded.process().id();
    List<PhaseMove> moves = loaded.calendar().history();
    if (moves.size() > movesBefore) {
      store.saveMoves(em, id, moves);
      for (PhaseMove move : moves.subList(movesBefore, moves.size())) {
        PhaseOpened event =
            new PhaseOpened(
                id, move.to(), move.from(), move.at(), move.trigger() == PhaseMove.Trigger.STAFF);
        events.add(() -> phaseOpened.fire(event));
      }
    }
    if (loaded.projects().isPresent()) {
      persistProjects(em, loaded, before, events);
    }
  }

  private void persistProjects(
      EntityManager em, Loaded loaded, Map<ProjectId, Project> before, List<Runnable> events) {
    ProcessId id = loaded.process().id();
    List<Project> projects = loaded.projects().orElseThrow().projects();
    List<ProjectId> selected = new ArrayList<>();
    List<ProjectId> notSelected = new ArrayList<>();
    for (int position = 0; position < projects.size(); position++) {
      Project project = projects.get(position);
      Project old = before.get(project.id());
      if (old == null) {
        store.insertProject(em, project, position);
        IdeaSubmitted event =
            new IdeaSubmitted(id, project.id(), project.channel().code(), project.submittedAt());
        events.add(() -> ideaSubmitted.fire(event));
      } else if (old != project && !old.equals(project)) {
        if (!store.updateProject(em, project, loaded.versions().get(project.id()))) {
          throw stale(TEXTS.text("precondition-failed.meanwhile", project.id().value()))
              .toException();
        }
        for (StatusChange change :
            project.history().subList(old.history().size(), project.history().size())) {
          ProjectStatusChanged event =
              new ProjectStatusChanged(id, project.id(), change.from(), change.to(), change.at());
          events.add(() -> statusChanged.fire(event));
          if (change.to() == ProjectStatus.SELECTED) {
            selected.add(project.id());
          } else if (change.to() == ProjectStatus.NOT_SELECTED) {
            notSelected.add(project.id());
          }
        }
      }
    }
    if (!selected.isEmpty() || !notSelected.isEmpty()) {
      selected.sort(null);
      notSelected.sort(null);
      ResultsPublished event = new ResultsPublished(id, selected, notSelected, clock.instant());
      events.add(() -> resultsPublished.fire(event));
    }
  }

  private Optional<Loaded> load(EntityManager em, ProcessId id, boolean lock) {
    Optional<ProcessStore.ProcessRow> found = store.process(em, id, lock);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ProcessStore.ProcessRow row = found.get();
    ProcessDefinition definition = definition(row);
    Map<ProjectId, Long> versions = new HashMap<>();
    if (!row.projects()) {
      PhaseCalendar calendar =
          new PhaseCalendar(definition.process(), clock, List.of(), row.moves());
      return Optional.of(
          new Loaded(definition, calendar, null, false, versions, row.moves().size(), clock));
    }
    List<Project> projects = new ArrayList<>();
    for (ProcessStore.ProjectRow project : store.projects(em, id)) {
      versions.put(project.project().id(), project.version());
      projects.add(project.project());
    }
    Edition edition = Edition.restore(definition.process(), clock, projects, row.moves());
    return Optional.of(
        new Loaded(
            definition, edition.calendar(), edition, true, versions, row.moves().size(), clock));
  }

  private ProcessDefinition definition(ProcessStore.ProcessRow row) {
    Map.Entry<JsonObject, ProcessDefinition> cached = definitions.get(row.id());
    if (cached != null && cached.getKey().equals(row.definition())) {
      return cached.getValue();
    }
    ProcessDefinition definition =
        ProcessDocuments.read(row.id(), row.definition(), plugins, keyer);
    definitions.put(row.id(), Map.entry(row.definition(), definition));
    return definition;
  }
}
