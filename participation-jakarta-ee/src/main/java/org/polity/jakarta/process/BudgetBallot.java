package org.polity.jakarta.process;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.polity.common.BudgetId;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.process.Phase;
import org.polity.project.Project;

/**
 * What the ballot of one budget holds, as its process says at one instant: the projects that were
 * put on the ballot for this budget (its district, for a budget of several), the envelope, and the
 * process's current phase. The voting service checks every ballot against it ({@link #costs()});
 * the results service counts from it. Made by {@link Processes#ballot(BudgetId)}.
 *
 * @param budget the budget
 * @param process the process that declares it
 * @param projects the projects on the ballot, in the process's order
 * @param envelope the budget's envelope
 * @param phase the process's current phase, empty between phases
 */
public record BudgetBallot(
    BudgetId budget,
    ProcessId process,
    List<Project> projects,
    Money envelope,
    Optional<Phase> phase) {

  /** Copies the projects. */
  public BudgetBallot {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(process, "process");
    projects = List.copyOf(projects);
    Objects.requireNonNull(envelope, "envelope");
    phase = phase == null ? Optional.empty() : phase;
  }

  /**
   * The projects on the ballot and their costs: a ballot naming another project is invalid.
   *
   * @return the costs, in the ballot's order
   */
  public Map<ProjectId, Money> costs() {
    Map<ProjectId, Money> costs = new LinkedHashMap<>();
    for (Project project : projects) {
      costs.put(project.id(), project.cost());
    }
    return costs;
  }
}
