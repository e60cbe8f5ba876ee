package org.polity.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Shared data locations and the structural checks every selection must pass. */
final class SortitionFixtures {

  private SortitionFixtures() {}

  static Path shared() {
    String dir = System.getProperty("polity.shared.dir");
    assertThat(dir).as("system property polity.shared.dir").isNotNull();
    return Path.of(dir, "sortition");
  }

  static Path derived(String name) {
    return shared().resolve("derived").resolve(name);
  }

  static SelectionProblem derivedProblem(String name, int k) throws IOException {
    Pool pool = SortitionCsv.readPeople(derived(name + "_people.csv"), "id");
    List<Quota> quotas = SortitionCsv.readQuotas(derived(name + "_features.csv"));
    return new SelectionProblem(pool, k, quotas, HouseholdRule.none());
  }

  static SelectionResult select(SelectionProblem problem, Algorithm algorithm, long seed) {
    SelectionOutcome outcome = Sortition.select(problem, SelectionOptions.of(algorithm, seed));
    assertThat(outcome).isInstanceOf(SelectionOutcome.Selected.class);
    return ((SelectionOutcome.Selected) outcome).result();
  }

  /** Every ticket meets every quota and the household rule; probabilities are well formed. */
  static void assertWellFormed(SelectionProblem problem, SelectionResult result) {
    for (Panel ticket : result.lottery().tickets()) {
      assertThat(problem.violations(ticket.memberIds())).as("ticket %s", ticket).isEmpty();
    }
    Map<String, Double> p = result.probabilities();
    assertThat(p).hasSize(problem.pool().size());
    assertThat(p.values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(problem.panelSize(), within(1e-6));
    Map<String, Double> lp = result.lottery().probabilities(problem.pool());
    assertThat(lp.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(problem.panelSize(), within(1e-9));
  }
}
