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
import java.util.function.Function;
import org.polity.common.BudgetId;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.identity.ParticipantKeyer;
import org.polity.jakarta.events.IdeaSubmitted;
import org.polity.jakarta.events.PhaseOpened;
import org.polity.jakarta.events.ProjectStatusChanged;
import org.polity.jakarta.events.ResultsPublished;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.plugins.Plugins;
import org.polity.jakarta.problem.LocalizedRefusalException;
import org.polity.jakarta.problem.ProblemException;
import org.polity.jakarta.problem.RefusalException;
import org.polity.process.Outcome;
import org.polity.process.ParticipatoryProcess;
import org.polity.process.PhaseMove;
import org.polity.process.PhaseProgression;
import org.polity.project.Edition;
import org.polity.project.Project;
import org.polity.project.ProjectStatus;
import org.polity.project.StatusChange;

/**
 * The application service of processes and projects: the REST resources call it, a host portal may
 * inject it. Each call loads the process's {@link Edition} from the database ({@link
 * ProcessStore}), applies core's logic, and stores what changed:
 *
 * <ul>
 *   <li>{@link #read} works on a snapshot without locking;
 *   <li>{@link #change} locks the process row ({@code SELECT ... FOR UPDATE}) for the transaction,
 *       so that changes to one process are serialised across application nodes sharing the
 *       database, checks the project's version when the caller gives one ({@code If-Match}), stores
 *       every changed project with a new version, and fires the domain events after the commit.
 * </ul>
 *
 * Why documents rather than a table per value: core's aggregates are immutable snapshots with
 * nested values (histories, reviews, multilingual texts, geometries) and no persistence
 * annotations; a JSON document per aggregate keeps the mapping in one codec here, the schema small
 * and stable, and the row version is the optimistic-concurrency token the API exposes as ETag.
 * Definitions are parsed once per version and cached.
 */
@ApplicationScoped
public class Processes {

  @Inject PolityDatabase database;
  @Inject ProcessStore store;
  @Inject Plugins plugins;
  @Inject ParticipantKeyer keyer;
  @Inject Event<IdeaSubmitted> ideaSubmitted;
  @Inject Event<ProjectStatusChanged> statusChanged;
  @Inject Event<PhaseOpened> phaseOpened;
  @Inject Event<ResultsPublished> resultsPublished;

  private final Clock clock = Clock.systemUTC();
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

  /** Creates the service; CDI calls it. */
  public Processes() {}

  /**
   * A loaded process: its definition, its edition (projects and calendar), and the versions of its
   * projects.
   *
   * @param definition the definition
   * @param edition the edition, rebuilt from the stored state
   * @param versions each project's version
   * @param storedMoves how many phase moves were stored when the process was loaded; the calendar
   *     may since have made more, which the dates called for
   */
  public record Loaded(
      ProcessDefinition definition,
      Edition edition,
      Map<ProjectId, Long> versions,
      int storedMoves) {
    /**
     * A project's version, as an ETag value.
     *
     * @param id the project
     * @return the version
     */
    public long version(ProjectId id) {
      Long version = versions.get(id);
      if (version == null) {
        throw new jakarta.ws.rs.NotFoundException(
            "No project " + id + " in process " + definition.process().id() + ".");
      }
      return version;
    }
  }

  /**
   * Declares a process, or replaces its definition while it has no project and no phase has opened.
   *
   * @param id the process
   * @param document the definition ({@link ProcessDocuments})
   * @return the definition, and whether the process is new
   * @throws org.polity.jakarta.problem.InvalidInputException for a malformed definition
   * @throws RefusalException 409 when the process has started, or a budget belongs to another
   *     process
   */
  public Map.Entry<ProcessDefinition, Boolean> declare(ProcessId id, JsonObject document) {
    ProcessDefinition definition = ProcessDocuments.read(id, document, plugins, keyer);
    return database.inTransaction(
        em -> {
          for (BudgetId budget : definition.budgets()) {
            Optional<ProcessId> owner = store.processOf(em, budget);
            if (owner.isPresent() && !owner.get().equals(id)) {
              throw new RefusalException(
                  "budget-of-another-process",
                  409,
                  "Budget "
                      + budget
                      + " belongs to process "
                      + owner.get()
                      + ": give this process other budgets.");
            }
          }
          Optional<ProcessStore.ProcessRow> existing = store.process(em, id, true);
          if (existing.isEmpty()) {
            store.insertProcess(em, id, document, definition.budgets());
            return Map.entry(definition, true);
          }
          if (!existing.get().moves().isEmpty() || !store.projects(em, id).isEmpty()) {
            if (existing.get().definition().equals(document)) {
              return Map.entry(definition, false);
            }
            throw new RefusalException(
                "process-started",
                409,
                "Process "
                    + id
                    + " has started (a phase"
                    + " opened or ideas were submitted): its definition can no longer be replaced.");
          }
          store.replaceDefinition(em, id, document, definition.budgets());
          return Map.entry(definition, false);
        });
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
   * Makes, stores and announces ({@link PhaseOpened}) the phase moves that the dates call for, in
   * every process that follows its dates, without waiting for somebody to read the process. {@link
   * PhaseScheduler} calls it periodically. Only processes whose next phase is due are loaded whole;
   * several nodes may call it at once (each process is changed under its lock, so a move is stored
   * and announced once).
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
      read(id, loaded -> loaded.edition().calendar().currentIndex());
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
   * Works on a snapshot of a process. Phase moves that the dates caused meanwhile are stored (and
   * announced) afterwards.
   *
   * @param id the process
   * @param work what to read
   * @param <T> the result
   * @return the result
   * @throws jakarta.ws.rs.NotFoundException if there is no such process
   */
  public <T> T read(ProcessId id, Function<Loaded, T> work) {
    Loaded loaded = database.inTransaction(em -> load(em, id, false));
    T result = work.apply(loaded);
    if (loaded.edition().calendar().history().size() > loaded.storedMoves()) {
      change(id, null, 0, l -> Outcome.done(Boolean.TRUE));
    }
    return result;
  }

  /**
   * Changes a process or its projects, under the process's lock.
   *
   * @param id the process
   * @param project the project the caller read and means to change, with {@code version}; null when
   *     the change is not about one project read before
   * @param version the version the caller read ({@code If-Match})
   * @param work the change; a refusal changes nothing
   * @param <T> the result
   * @return the result, committed
   * @throws ProblemException 412 when the project's version is no longer {@code version}
   * @throws RefusalException 409/422 when core refuses
   */
  public <T> T change(
      ProcessId id, ProjectId project, long version, Function<Loaded, Outcome<T>> work) {
    return changeWith(id, project, version, (em, loaded) -> work.apply(loaded));
  }

  /**
   * Changes a process or its projects, under the process's lock, with the transaction at hand for
   * the caller's own rows (such as the published results), which commit or roll back with the
   * change.
   *
   * @param id the process
   * @param project the project the caller read and means to change, or null
   * @param version the version the caller read ({@code If-Match})
   * @param work the change, given the transaction and the loaded process; a refusal changes nothing
   * @param <T> the result
   * @return the result, committed
   * @throws ProblemException 412 when the project's version is no longer {@code version}
   * @throws RefusalException 409/422 when core refuses
   */
  public <T> T changeWith(
      ProcessId id,
      ProjectId project,
      long version,
      java.util.function.BiFunction<EntityManager, Loaded, Outcome<T>> work) {
    List<Runnable> events = new ArrayList<>();
    T result =
        database.inTransaction(
            em -> {
              Loaded loaded = load(em, id, true);
              if (project != null && loaded.version(project) != version) {
                throw ProblemException.of(
                    "precondition-failed",
                    412,
                    "Project "
                        + project
                        + " changed since you"
                        + " read it (version "
                        + version
                        + ", now "
                        + loaded.version(project)
                        + "): read it again,"
                        + " then decide.");
              }
              Edition edition = loaded.edition();
              Map<ProjectId, Project> before = new HashMap<>();
              edition.projects().forEach(p -> before.put(p.id(), p));
              int movesBefore = loaded.storedMoves();
              Outcome<T> outcome = work.apply(em, loaded);
              if (outcome.refusal().isPresent()) {
                throw Refusals.of(outcome.refusal().get());
              }
              persist(em, loaded, before, movesBefore, events);
              return outcome.orElseThrow();
            });
    events.forEach(Runnable::run);
    return result;
  }

  private void persist(
      EntityManager em,
      Loaded loaded,
      Map<ProjectId, Project> before,
      int movesBefore,
      List<Runnable> events) {
    Edition edition = loaded.edition();
    ProcessId id = edition.process().id();
    List<PhaseMove> moves = edition.calendar().history();
    if (moves.size() > movesBefore) {
      store.saveMoves(em, id, moves);
      for (PhaseMove move : moves.subList(movesBefore, moves.size())) {
        PhaseOpened event =
            new PhaseOpened(
                id, move.to(), move.from(), move.at(), move.trigger() == PhaseMove.Trigger.STAFF);
        events.add(() -> phaseOpened.fire(event));
      }
    }
    List<Project> projects = edition.projects();
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
          throw ProblemException.of(
              "precondition-failed",
              412,
              "Project " + project.id() + " changed meanwhile: read it again, then decide.");
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

  private Loaded load(EntityManager em, ProcessId id, boolean lock) {
    ProcessStore.ProcessRow row =
        store
            .process(em, id, lock)
            .orElseThrow(() -> new jakarta.ws.rs.NotFoundException("No process " + id + "."));
    ProcessDefinition definition = definition(row);
    List<ProcessStore.ProjectRow> rows = store.projects(em, id);
    Map<ProjectId, Long> versions = new HashMap<>();
    List<Project> projects = new ArrayList<>();
    for (ProcessStore.ProjectRow project : rows) {
      versions.put(project.project().id(), project.version());
      projects.add(project.project());
    }
    Edition edition = Edition.restore(definition.process(), clock, projects, row.moves());
    return new Loaded(definition, edition, versions, row.moves().size());
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

  /** Core refusals as problems. */
  static final class Refusals {
    private Refusals() {}

    static LocalizedRefusalException of(org.polity.process.Refusal refusal) {
      return new LocalizedRefusalException(refusal.code(), 409, refusal.message());
    }
  }
}
