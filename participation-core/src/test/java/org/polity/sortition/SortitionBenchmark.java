package org.polity.sortition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark of the selection algorithms on the shared pools (not a unit test: it prints figures and
 * asserts nothing). Each case runs once to warm up, then {@code runs} times; the median wall-clock
 * time is printed as a Markdown table row. See docs/benchmarks.md for the command.
 *
 * <p>Arguments: the shared data folder (default /work/shared), then the number of timed runs
 * (default 3).
 */
public final class SortitionBenchmark {

  private SortitionBenchmark() {}

  private record Case(String name, SelectionProblem problem, Algorithm algorithm) {}

  /**
   * Runs the benchmark.
   *
   * @param args shared folder, number of runs
   * @throws IOException if the data cannot be read
   */
  public static void main(String[] args) throws IOException {
    Path shared = Path.of(args.length > 0 ? args[0] : "/work/shared", "sortition");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path derived = shared.resolve("derived");
    SelectionProblem small = load(derived, "example_small_20", 20);
    SelectionProblem scaled = load(derived, "scaled_700_100", 100);
    SelectionProblem large = load(derived, "example_large_200", 200);
    SelectionProblem fixtures =
        new SelectionProblem(
            SortitionCsv.readPeople(
                shared.resolve("sortition-algorithms-fixtures/candidates.csv"), "nationbuilder_id"),
            22,
            SortitionCsv.readQuotas(shared.resolve("sortition-algorithms-fixtures/features.csv")),
            HouseholdRule.on("primary_address1", "primary_zip"));
    List<Case> cases = new ArrayList<>();
    for (Algorithm a : List.of(Algorithm.LEXIMIN, Algorithm.MAXIMIN, Algorithm.LEGACY)) {
      cases.add(new Case("example_small_20 (200/20)", small, a));
      cases.add(new Case("scaled_700_100 (700/100)", scaled, a));
      cases.add(new Case("sortition-algorithms fixtures (150/22, household rule)", fixtures, a));
      cases.add(new Case("example_large_200 (2000/200)", large, a));
    }
    System.out.println(
        "| pool (n/k) | algorithm | median s | min s | max s | panels considered | minimum probability | max lottery gap |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Case c : cases) {
      SelectionOptions options = SelectionOptions.of(c.algorithm(), 1);
      run(c.problem(), options);
      double[] seconds = new double[runs];
      SelectionResult last = null;
      for (int i = 0; i < runs; i++) {
        long t = System.nanoTime();
        last = run(c.problem(), options);
        seconds[i] = (System.nanoTime() - t) / 1e9;
      }
      Arrays.sort(seconds);
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %.2f | %.2f | %.2f | %d | %.4f | %.4f |%n",
          c.name(),
          c.algorithm().id(),
          seconds[runs / 2],
          seconds[0],
          seconds[runs - 1],
          last.panelsConsidered(),
          last.minimum(),
          last.maxLotteryDeviation(c.problem().pool()));
    }
    ungrouped(small, "example_small_20 (200/20)", runs);
  }

  /**
   * LEXIMIN without grouping interchangeable respondents (one unit per person): what a pool where
   * every respondent has a distinct profile costs.
   */
  private static void ungrouped(SelectionProblem problem, String name, int runs) {
    double[] seconds = new double[runs];
    double min = 0;
    int panels = 0;
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      SelectionResult r =
          FairSelection.select(
              problem,
              SelectionOptions.of(Algorithm.LEXIMIN, 1),
              FairSelection.Settings.of(
                      FairSelection.Objective.LEXIMIN, FairSelection.defaultSolver())
                  .ungrouped());
      seconds[i] = (System.nanoTime() - t) / 1e9;
      min = r.minimum();
      panels = r.panelsConsidered();
    }
    Arrays.sort(seconds);
    System.out.printf(
        Locale.ROOT,
        "| %s, no grouping | leximin | %.2f | %.2f | %.2f | %d | %.4f | - |%n",
        name,
        seconds[runs / 2],
        seconds[0],
        seconds[runs - 1],
        panels,
        min);
  }

  private static SelectionResult run(SelectionProblem problem, SelectionOptions options) {
    return ((SelectionOutcome.Selected) Sortition.select(problem, options)).result();
  }

  private static SelectionProblem load(Path derived, String name, int k) throws IOException {
    return new SelectionProblem(
        SortitionCsv.readPeople(derived.resolve(name + "_people.csv"), "id"),
        k,
        SortitionCsv.readQuotas(derived.resolve(name + "_features.csv")),
        HouseholdRule.none());
  }
}
