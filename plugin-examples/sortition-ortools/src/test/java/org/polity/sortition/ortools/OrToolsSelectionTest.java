package org.polity.sortition.ortools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.polity.sortition.FairSelection;
import org.polity.sortition.HouseholdRule;
import org.polity.sortition.Panel;
import org.polity.sortition.SelectionOptions;
import org.polity.sortition.SelectionOutcome;
import org.polity.sortition.SelectionProblem;
import org.polity.sortition.SelectionResult;
import org.polity.sortition.Sortition;
import org.polity.sortition.SortitionCsv;
import org.polity.testing.UpstreamSortitionExamples;

/**
 * The OR-Tools plugin gives the same distributions as core's pure-Java default, on the shared
 * pools, and every ticket of its lottery meets the quotas.
 */
class OrToolsSelectionTest {

  private static Path shared() {
    String dir = System.getProperty("polity.shared.dir");
    assertThat(dir).as("system property polity.shared.dir").isNotNull();
    return Path.of(dir, "sortition");
  }

  private static SelectionResult select(SelectionProblem problem, String algorithm) {
    SelectionOutcome outcome =
        Sortition.select(problem, new SelectionOptions(algorithm, 7, 1000, 10_000));
    assertThat(outcome).isInstanceOf(SelectionOutcome.Selected.class);
    SelectionResult result = ((SelectionOutcome.Selected) outcome).result();
    assertThat(result.algorithm()).isEqualTo(algorithm);
    assertWellFormed(problem, result);
    return result;
  }

  private static void assertWellFormed(SelectionProblem problem, SelectionResult result) {
    for (Panel ticket : result.lottery().tickets()) {
      assertThat(problem.violations(ticket.memberIds())).as("ticket %s", ticket).isEmpty();
    }
    Map<String, Double> p = result.probabilities();
    assertThat(p).hasSize(problem.pool().size());
    assertThat(p.values()).allSatisfy(v -> assertThat(v).isBetween(0.0, 1.0));
    assertThat(p.values().stream().mapToDouble(Double::doubleValue).sum())
        .isCloseTo(problem.panelSize(), within(1e-6));
    assertThat(result.maxLotteryDeviation(problem.pool())).isLessThanOrEqualTo(0.01);
  }

  private static void assertSameProbabilities(SelectionResult a, SelectionResult b) {
    assertThat(a.probabilities().keySet()).isEqualTo(b.probabilities().keySet());
    a.probabilities()
        .forEach(
            (id, p) -> assertThat(p).as(id).isCloseTo(b.probabilities().get(id), within(1e-6)));
  }

  @Test
  void nativeLibrariesLoadAndBundleTheSolvers() {
    Loader.loadNativeLibraries();
    for (String id : List.of("GLOP", "SCIP", "CP-SAT")) {
      MPSolver solver = MPSolver.createSolver(id);
      assertThat(solver).as(id).isNotNull();
      solver.delete();
    }
  }

  @Test
  void pluginAlgorithmsAreFoundByName() {
    assertThat(Sortition.available())
        .contains("leximin", "maximin", "leximin-ortools", "maximin-ortools");
    assertThat(Sortition.find("LEXIMIN-ORTOOLS")).isPresent();
  }

  @Test
  void naturePaperSmallExampleGivesEveryoneTenPercentLikeTheDefault() throws IOException {
    Path derived = shared().resolve("derived");
    SelectionProblem problem =
        new SelectionProblem(
            SortitionCsv.readPeople(derived.resolve("example_small_20_people.csv"), "id"),
            20,
            SortitionCsv.readQuotas(derived.resolve("example_small_20_features.csv")),
            HouseholdRule.none());
    SelectionResult ortools = select(problem, "leximin-ortools");
    assertThat(ortools.probabilities().values())
        .allSatisfy(p -> assertThat(p).isCloseTo(0.1, within(1e-6)));
    assertSameProbabilities(ortools, select(problem, "leximin"));
    assertThat(select(problem, "maximin-ortools").minimum()).isCloseTo(0.1, within(1e-6));
  }

  @Test
  void householdFixturesReachTheSameMinimumAsTheDefault() throws IOException {
    SelectionProblem problem =
        new SelectionProblem(
            SortitionCsv.readPeople(
                shared().resolve("sortition-algorithms-fixtures/candidates.csv"),
                "nationbuilder_id"),
            22,
            SortitionCsv.readQuotas(shared().resolve("sortition-algorithms-fixtures/features.csv")),
            HouseholdRule.on("primary_address1", "primary_zip"));
    double defaultMinimum = select(problem, "maximin").minimum();
    assertThat(select(problem, "maximin-ortools").minimum())
        .isCloseTo(defaultMinimum, within(1e-6));
    assertThat(select(problem, "leximin-ortools").minimum())
        .isCloseTo(defaultMinimum, within(1e-6));
  }

  /** Probabilities stated by the sortition-algorithms tests (exact values only). */
  private static Map<String, Map<String, Double>> upstream() {
    Map<String, Map<String, Double>> exact = new LinkedHashMap<>();
    UpstreamSortitionExamples.expectations()
        .forEach((key, expected) -> exact.put(key, expected.exact()));
    return exact;
  }

  static Stream<Arguments> upstreamCases() {
    List<Arguments> args = new ArrayList<>();
    for (UpstreamSortitionExamples.Example example : UpstreamSortitionExamples.examples()) {
      args.add(Arguments.of(example.key(), "maximin", example.problem()));
      args.add(Arguments.of(example.key(), "leximin", example.problem()));
    }
    assertThat(args).hasSize(2 * upstream().size());
    return args.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("upstreamCases")
  void upstreamExamplesGiveTheStatedProbabilitiesLikeTheDefault(
      String key, String algorithm, SelectionProblem problem) {
    SelectionResult ortools = select(problem, algorithm + "-ortools");
    upstream()
        .get(key)
        .forEach(
            (id, p) ->
                assertThat(ortools.probabilities().get(id)).as(id).isCloseTo(p, within(1e-6)));
    SelectionResult ojalgo = select(problem, algorithm);
    if (algorithm.equals("leximin")) {
      assertSameProbabilities(ortools, ojalgo); // LEXIMIN probabilities are unique
    } else {
      assertThat(ortools.minimum()).isCloseTo(ojalgo.minimum(), within(1e-6));
    }
  }

  @ParameterizedTest
  @EnumSource(OrToolsSolver.IntegerBackend.class)
  void bothIntegerBackendsGiveTheLeximinOfExampleOne(OrToolsSolver.IntegerBackend backend) {
    SelectionProblem problem =
        (SelectionProblem)
            upstreamCases()
                .filter(a -> a.get()[0].equals("example1/"))
                .findFirst()
                .orElseThrow()
                .get()[2];
    SelectionResult result =
        FairSelection.select(
            problem,
            new SelectionOptions("test", 3, 1000, 1),
            FairSelection.Settings.of(FairSelection.Objective.LEXIMIN, new OrToolsSolver(backend)));
    assertWellFormed(problem, result);
    upstream()
        .get("example1/")
        .forEach(
            (id, p) ->
                assertThat(result.probabilities().get(id)).as(id).isCloseTo(p, within(1e-6)));
  }
}
