package org.polity.sortition.ortools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polity.sortition.FairSelection;
import org.polity.sortition.HouseholdRule;
import org.polity.sortition.Panel;
import org.polity.sortition.Pool;
import org.polity.sortition.Quota;
import org.polity.sortition.SelectionOptions;
import org.polity.sortition.SelectionProblem;
import org.polity.sortition.SelectionResult;
import org.polity.sortition.SortitionCsv;

/**
 * Issue 15: on the shared assembly pool (1,200 respondents, panel of 100), core's default
 * (warm-started simplex, local-search pricing, ojAlgo for the integer programs) agrees with
 * OR-Tools solving every linear program (GLOP) and integer program (SCIP).
 */
class AssemblyPoolOrToolsTest {

  private static SelectionProblem assembly() throws IOException {
    String dir = System.getProperty("polity.shared.dir");
    assertThat(dir).as("system property polity.shared.dir").isNotNull();
    Path derived = Path.of(dir, "sortition", "derived");
    return new SelectionProblem(
        SortitionCsv.readPeople(derived.resolve("assembly_1200_100_people.csv"), "id"),
        100,
        SortitionCsv.readQuotas(derived.resolve("assembly_1200_100_features.csv")),
        HouseholdRule.none());
  }

  private static SelectionResult select(
      SelectionProblem problem, FairSelection.Objective objective, boolean ortools) {
    FairSelection.Settings settings =
        ortools
            ? FairSelection.Settings.of(objective, OrToolsSolver.scip()).withSolverPrograms()
            : FairSelection.Settings.of(objective, FairSelection.defaultSolver());
    SelectionResult result =
        FairSelection.select(problem, new SelectionOptions("test", 7, 1000, 1), settings);
    for (Panel ticket : result.lottery().tickets()) {
      assertThat(problem.violations(ticket.memberIds())).as("ticket %s", ticket).isEmpty();
    }
    assertThat(result.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(problem.panelSize(), within(1e-6));
    return result;
  }

  @Test
  void maximinOnTheSharedPoolReachesTheSameMinimumAsOrTools() throws IOException {
    SelectionProblem problem = assembly();
    assertThat(select(problem, FairSelection.Objective.MAXIMIN, false).minimum())
        .isCloseTo(select(problem, FairSelection.Objective.MAXIMIN, true).minimum(), within(1e-6));
  }

  @Test
  void leximinOnPartOfTheSharedPoolEqualsOrTools() throws IOException {
    SelectionProblem full = assembly();
    List<Quota> quotas =
        full.quotas().stream()
            .map(
                q ->
                    Quota.of(
                        q.feature(),
                        q.value(),
                        (int) Math.floor(q.min() * 0.2),
                        (int) Math.ceil(q.max() * 0.2)))
            .toList();
    SelectionProblem problem =
        new SelectionProblem(
            Pool.of(full.pool().respondents().subList(0, 100)), 20, quotas, HouseholdRule.none());
    SelectionResult ojalgo = select(problem, FairSelection.Objective.LEXIMIN, false);
    SelectionResult ortools = select(problem, FairSelection.Objective.LEXIMIN, true);
    ojalgo
        .probabilities()
        .forEach(
            (id, p) ->
                assertThat(p).as(id).isCloseTo(ortools.probabilities().get(id), within(1e-6)));
  }
}
