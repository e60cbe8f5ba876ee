package org.polity.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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

  private static final Map<List<Object>, SelectionResult> RESULTS = new ConcurrentHashMap<>();
  private static SelectionProblem fixtures;

  /** Selections are deterministic given the seed; cached so slow pools are solved once per run. */
  static SelectionResult select(SelectionProblem problem, Algorithm algorithm, long seed) {
    return RESULTS.computeIfAbsent(
        List.of(problem, algorithm, seed),
        key -> {
          SelectionOutcome outcome =
              Sortition.select(problem, SelectionOptions.of(algorithm, seed));
          assertThat(outcome).isInstanceOf(SelectionOutcome.Selected.class);
          return ((SelectionOutcome.Selected) outcome).result();
        });
  }

  /** The sortition-algorithms fixture pool (150 people, 22 seats, household rule), loaded once. */
  static synchronized SelectionProblem fixtures() throws IOException {
    if (fixtures == null) {
      Pool pool =
          SortitionCsv.readPeople(
              shared().resolve("sortition-algorithms-fixtures/candidates.csv"), "nationbuilder_id");
      List<Quota> quotas =
          SortitionCsv.readQuotas(shared().resolve("sortition-algorithms-fixtures/features.csv"));
      fixtures =
          new SelectionProblem(
              pool, 22, quotas, HouseholdRule.on("primary_address1", "primary_zip"));
    }
    return fixtures;
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
