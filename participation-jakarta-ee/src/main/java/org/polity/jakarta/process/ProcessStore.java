package org.polity.jakarta.process;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.polity.common.BudgetId;
import org.polity.common.ProcessId;
import org.polity.jakarta.persistence.PolityDatabase;
import org.polity.jakarta.project.ProjectStorage;
import org.polity.process.PhaseMove;
import org.polity.project.Project;

/**
 * Reads and writes processes and projects as JSON documents in the tables of migration V2, with
 * native SQL through Polity's persistence unit (no entity mapping: the documents are the
 * aggregates), in the storage formats of {@link ProcessStorage} and {@link ProjectStorage} (never
 * the REST formats). Every method runs inside the caller's transaction ({@link
 * PolityDatabase#inTransaction}).
 */
@ApplicationScoped
public class ProcessStore {

  /**
   * The most projects whose parsed form is kept; beyond it the memory is emptied and refilled (a
   * municipality's editions hold hundreds of projects, not thousands).
   */
  private static final int PARSED_LIMIT = 20_000;

  /**
   * Projects already parsed, by the exact document they were parsed from: a project is reused only
   * when its stored text is the very same, so a change by another node, a rolled-back write or a
   * restored backup is never hidden (projects are immutable values). Every change of a project or
   * of its process reads all of the process's projects, and parsing them was most of its cost.
   */
  private final ConcurrentHashMap<String, Project> parsed = new ConcurrentHashMap<>();

  /** Creates the store; CDI calls it. */
  public ProcessStore() {}

  /**
   * A process row.
   *
   * @param id the process
   * @param version its version, one more at each change to the process or its projects
   * @param definition the definition document
   * @param projects whether the process has projects ({@link ProcessStorage})
   * @param moves the phase moves, oldest first
   */
  public record ProcessRow(
      ProcessId id, long version, JsonObject definition, boolean projects, List<PhaseMove> moves) {}

  /**
   * A project row.
   *
   * @param project the project
   * @param version its version (the ETag of staff updates)
   */
  public record ProjectRow(Project project, long version) {}

  /**
   * A process, locked for update when asked ({@code SELECT ... FOR UPDATE}: changes to one process
   * are serialised across nodes).
   *
   * @param em the transaction
   * @param id the process
   * @param lock whether to lock the row until the transaction ends
   * @return the row, if the process exists
   */
  public Optional<ProcessRow> process(EntityManager em, ProcessId id, boolean lock) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT version, definition, phase_moves FROM polity_process"
                    + " WHERE id = ?1"
                    + (lock ? " FOR UPDATE" : ""))
            .setParameter(1, id.value())
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    ProcessStorage.StoredDefinition stored = ProcessStorage.readDefinition((String) row[1]);
    return Optional.of(
        new ProcessRow(
            id,
            ((Number) row[0]).longValue(),
            stored.definition(),
            stored.projects(),
            ProcessStorage.readMoves((String) row[2])));
  }

  /**
   * The ids of every process, sorted.
   *
   * @param em the transaction
   * @return the ids
   */
  public List<ProcessId> processIds(EntityManager em) {
    List<ProcessId> ids = new ArrayList<>();
    for (Object id :
        em.createNativeQuery("SELECT id FROM polity_process ORDER BY id").getResultList()) {
      ids.add(ProcessId.of((String) id));
    }
    return ids;
  }

  /**
   * The process a budget belongs to.
   *
   * @param em the transaction
   * @param budget the budget
   * @return the process, if a process declares the budget
   */
  public Optional<ProcessId> processOf(EntityManager em, BudgetId budget) {
    List<?> rows =
        em.createNativeQuery("SELECT process_id FROM polity_process_budget WHERE budget_id = ?1")
            .setParameter(1, budget.value())
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(ProcessId.of((String) rows.get(0)));
  }

  /**
   * The budgets of a process.
   *
   * @param em the transaction
   * @param id the process
   * @return the budgets, sorted
   */
  public List<BudgetId> budgets(EntityManager em, ProcessId id) {
    List<BudgetId> budgets = new ArrayList<>();
    for (Object budget :
        em.createNativeQuery(
                "SELECT budget_id FROM polity_process_budget WHERE process_id = ?1 ORDER BY budget_id")
            .setParameter(1, id.value())
            .getResultList()) {
      budgets.add(BudgetId.of((String) budget));
    }
    return budgets;
  }

  /**
   * Inserts a new process with its budgets.
   *
   * @param em the transaction
   * @param id the process
   * @param definition its definition
   * @param projects whether it has projects
   * @param budgets its budgets (the unique key refuses a budget of another process)
   */
  public void insertProcess(
      EntityManager em,
      ProcessId id,
      JsonObject definition,
      boolean projects,
      List<BudgetId> budgets) {
    em.createNativeQuery(
            "INSERT INTO polity_process (id, version, definition, phase_moves)"
                + " VALUES (?1, 1, ?2, ?3)")
        .setParameter(1, id.value())
        .setParameter(2, ProcessStorage.writeDefinition(definition, projects))
        .setParameter(3, ProcessStorage.writeMoves(List.of()))
        .executeUpdate();
    insertBudgets(em, id, budgets);
  }

  /**
   * Replaces a process's definition and budgets, and counts a new version.
   *
   * @param em the transaction (the row locked)
   * @param id the process
   * @param definition the new definition
   * @param projects whether the process has projects
   * @param budgets the new budgets
   */
  public void replaceDefinition(
      EntityManager em,
      ProcessId id,
      JsonObject definition,
      boolean projects,
      List<BudgetId> budgets) {
    em.createNativeQuery(
            "UPDATE polity_process SET definition = ?2, version = version + 1 WHERE id = ?1")
        .setParameter(1, id.value())
        .setParameter(2, ProcessStorage.writeDefinition(definition, projects))
        .executeUpdate();
    em.createNativeQuery("DELETE FROM polity_process_budget WHERE process_id = ?1")
        .setParameter(1, id.value())
        .executeUpdate();
    insertBudgets(em, id, budgets);
  }

  private static void insertBudgets(EntityManager em, ProcessId id, List<BudgetId> budgets) {
    for (BudgetId budget : budgets) {
      em.createNativeQuery(
              "INSERT INTO polity_process_budget (budget_id, process_id) VALUES (?1, ?2)")
          .setParameter(1, budget.value())
          .setParameter(2, id.value())
          .executeUpdate();
    }
  }

  /**
   * Stores the phase moves and counts a new version of the process.
   *
   * @param em the transaction (the row locked)
   * @param id the process
   * @param moves every move, oldest first
   */
  public void saveMoves(EntityManager em, ProcessId id, List<PhaseMove> moves) {
    em.createNativeQuery(
            "UPDATE polity_process SET phase_moves = ?2, version = version + 1 WHERE id = ?1")
        .setParameter(1, id.value())
        .setParameter(2, ProcessStorage.writeMoves(moves))
        .executeUpdate();
  }

  /**
   * The projects of a process, in submission order.
   *
   * @param em the transaction
   * @param id the process
   * @return the rows
   */
  public List<ProjectRow> projects(EntityManager em, ProcessId id) {
    List<ProjectRow> projects = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT version, document FROM polity_project"
                    + " WHERE process_id = ?1 ORDER BY position")
            .setParameter(1, id.value())
            .getResultList()) {
      Object[] columns = (Object[]) row;
      projects.add(new ProjectRow(project((String) columns[1]), ((Number) columns[0]).longValue()));
    }
    return projects;
  }

  private Project project(String document) {
    Project known = parsed.get(document);
    if (known != null) {
      return known;
    }
    Project project = ProjectStorage.read(ProcessStorage.parse(document).asJsonObject());
    if (parsed.size() >= PARSED_LIMIT) {
      parsed.clear();
    }
    parsed.put(document, project);
    return project;
  }

  /**
   * Inserts a new project.
   *
   * @param em the transaction
   * @param project the project
   * @param position its place in submission order (0 for the first)
   */
  public void insertProject(EntityManager em, Project project, int position) {
    em.createNativeQuery(
            "INSERT INTO polity_project (id, process_id, position, version, status, document)"
                + " VALUES (?1, ?2, ?3, 1, ?4, ?5)")
        .setParameter(1, project.id().value())
        .setParameter(2, project.processId().value())
        .setParameter(3, position)
        .setParameter(4, project.status().name())
        .setParameter(5, ProjectStorage.write(project).toString())
        .executeUpdate();
  }

  /**
   * Replaces a project's document, if its version is still the expected one.
   *
   * @param em the transaction
   * @param project the project as it is now
   * @param expectedVersion the version it was read at
   * @return whether the row was updated (false: someone changed it since)
   */
  public boolean updateProject(EntityManager em, Project project, long expectedVersion) {
    return em.createNativeQuery(
                "UPDATE polity_project SET document = ?2, status = ?3, version = version + 1"
                    + " WHERE id = ?1 AND version = ?4")
            .setParameter(1, project.id().value())
            .setParameter(2, ProjectStorage.write(project).toString())
            .setParameter(3, project.status().name())
            .setParameter(4, expectedVersion)
            .executeUpdate()
        == 1;
  }
}
