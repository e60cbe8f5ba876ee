package org.polity.counting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;
import org.polity.counting.BudgetStep;
import org.polity.counting.Completion;
import org.polity.counting.CountingOptions;
import org.polity.counting.CountingResult;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;
import org.polity.counting.Satisfaction;
import org.polity.pabulib.PabulibElections;

/**
 * The budget increase (Add1) that skips the steps proven not to change the outcome gives exactly
 * the result of the step-by-step definition (one full count per step, the oracle): same winners,
 * cost, explanations, notes and ties, on random elections with many ties and on every shared
 * Pabulib instance.
 */
class Add1OracleTest {

  private static final Completion UNIT = Completion.add1();
  private static final Completion UNIT_GREEDY =
      Completion.add1(new BudgetStep.PerVoter(BigDecimal.ONE), true);

  static IntStream seeds() {
    return IntStream.range(0, 400);
  }

  /** A small random election: few projects, voters and money, so that ties and caps happen. */
  static Election random(int seed) {
    Random random = new Random(seed);
    int m = 2 + random.nextInt(9);
    int n = 1 + random.nextInt(40);
    List<ElectionProject> projects = new ArrayList<>();
    for (int p = 0; p < m; p++) {
      int cost = random.nextInt(12) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 6 : 60);
      projects.add(
          new ElectionProject(
              ProjectId.of("p" + p),
              BigDecimal.valueOf(cost),
              "p" + p,
              Set.of(random.nextBoolean() ? "green" : "roads"),
              Optional.empty()));
    }
    List<Ballot> ballots = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      Set<ProjectId> approved = new LinkedHashSet<>();
      for (int p = 0; p < m; p++) {
        if (random.nextInt(3) == 0) {
          approved.add(ProjectId.of("p" + p));
        }
      }
      ballots.add(new Ballot.Approval(approved));
    }
    return new Election(BigDecimal.valueOf(5 + random.nextInt(80)), "EUR", projects, ballots);
  }

  /**
   * The completions compared. No caps: with a cap that refuses a project the money could still pay
   * for, the step-by-step definition may never stop.
   */
  static List<CountingOptions> optionsFor(int seed) {
    CountingOptions base = CountingOptions.defaults();
    List<CountingOptions> all = new ArrayList<>();
    all.add(base.withCompletion(UNIT));
    all.add(base.withCompletion(UNIT_GREEDY));
    all.add(
        base.withCompletion(
            Completion.add1(new BudgetStep.PerVoter(new BigDecimal("0.07")), false)));
    all.add(
        base.withCompletion(
            Completion.add1(new BudgetStep.PercentOfBudget(new BigDecimal("3")), false)));
    all.add(base.withCompletion(Completion.add1EqualSharesTool(true)));
    all.add(base.withSatisfaction(Satisfaction.CARDINALITY).withCompletion(UNIT));
    return all;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void randomElectionsCountAsStepByStep(int seed) {
    Election election = random(seed);
    for (CountingOptions options : optionsFor(seed)) {
      same(election, options, "seed " + seed + " " + options.completion());
    }
  }

  /** Randomized elections where voters hold many currency units, so that steps are skipped. */
  @ParameterizedTest
  @MethodSource("seeds")
  void richRandomElectionsCountAsStepByStep(int seed) {
    Election small = random(seed);
    List<ElectionProject> projects = new ArrayList<>();
    for (ElectionProject p : small.projects()) {
      projects.add(
          new ElectionProject(
              p.id(),
              p.cost().multiply(BigDecimal.valueOf(97)),
              p.name(),
              p.categories(),
              p.district()));
    }
    Election election =
        new Election(
            small.budget().multiply(BigDecimal.valueOf(97)), "HUF", projects, small.ballots());
    same(election, CountingOptions.defaults().withCompletion(UNIT), "rich seed " + seed);
    same(election, CountingOptions.defaults().withCompletion(UNIT_GREEDY), "rich seed " + seed);
  }

  /**
   * Every shared instance with Add1 and Add1 then greedy, one currency unit per voter per step; on
   * the Hungarian elections (forints: hundreds of thousands of steps) the oracle takes minutes, so
   * they are compared with 100 forints per step (system property {@code polity.add1.fullOracle}
   * compares them step by step too).
   */
  @TestFactory
  Stream<DynamicTest> everySharedInstanceCountsAsStepByStep() throws IOException {
    Path instances = Path.of(System.getProperty("polity.shared.dir"), "pabulib", "instances");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(instances)) {
      list.filter(p -> p.getFileName().toString().endsWith(".pb"))
          .filter(
              p -> p.getFileName().toString().matches(System.getProperty("polity.add1.only", ".*")))
          .sorted()
          .forEach(files::add);
    }
    if (System.getProperty("polity.add1.only") == null) {
      assertThat(files).hasSizeGreaterThanOrEqualTo(41);
    }
    return files.stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path file) throws IOException {
    Election election = PabulibElections.read(file).election();
    boolean forints =
        file.getFileName().toString().startsWith("Hungary")
            && System.getProperty("polity.add1.fullOracle") == null;
    BigDecimal unit = forints ? BigDecimal.valueOf(100) : BigDecimal.ONE;
    for (boolean greedy : new boolean[] {false, true}) {
      CountingOptions options =
          CountingOptions.defaults()
              .withCompletion(Completion.add1(new BudgetStep.PerVoter(unit), greedy));
      long[] stats = FastMes.stats();
      stats[0] = 0;
      java.util.Arrays.fill(stats, 0);
      long t0 = System.nanoTime();
      CountingResult fast = new MesRule().count(election, options, false);
      int runs = MesRule.lastRuns();
      long certified = stats[0];
      long givenUp = stats[1];
      System.out.println("FASTMES " + java.util.Arrays.toString(stats));
      long t1 = System.nanoTime();
      if (Boolean.getBoolean("polity.add1.fastOnly")) {
        System.out.printf(
            "ADD1 %-70s greedy %-5s fast %7.3f s (%d runs) %s%n",
            file.getFileName(), greedy, (t1 - t0) / 1e9, runs, java.util.Arrays.toString(stats));
        continue;
      }
      CountingResult naive = new MesRule().count(election, options, true);
      int steps = MesRule.lastRuns();
      long t2 = System.nanoTime();
      System.out.printf(
          "ADD1 %-70s step %s greedy %-5s fast %7.3f s (%d runs, %d certified, %d exact),"
              + " step by step %8.3f s (%d runs)%n",
          file.getFileName(),
          unit,
          greedy,
          (t1 - t0) / 1e9,
          runs,
          certified,
          givenUp,
          (t2 - t1) / 1e9,
          steps);
      assertThat(fast).as(file.getFileName() + " " + options.completion()).isEqualTo(naive);
    }
  }

  private static void same(Election election, CountingOptions options, String what) {
    CountingResult naive = new MesRule().count(election, options, true);
    CountingResult fast = new MesRule().count(election, options, false);
    assertThat(fast).as(what).isEqualTo(naive);
  }
}
