package org.polity.sortition.ortools;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.polity.sortition.FairSelection;
import org.polity.sortition.HouseholdRule;
import org.polity.sortition.SelectionOptions;
import org.polity.sortition.SelectionProblem;
import org.polity.sortition.SelectionResult;
import org.polity.sortition.SortitionCsv;
import org.polity.sortition.spi.LinearSolver;

/**
 * Benchmark: core's maximin/LEXIMIN column generation with the pure-Java default solver (ojAlgo)
 * and with OR-Tools (GLOP + SCIP), on the shared pools, grouped (the default) and ungrouped (one
 * variable per respondent, the worst case of a pool of all-distinct profiles). Not a unit test: it
 * prints a Markdown table and asserts nothing. See docs/benchmarks.md for the command.
 *
 * <p>Arguments: the shared folder (default /work/shared), the number of timed runs after one
 * warm-up (default 3), and a cap in seconds for one run (default 300). A run over the cap is
 * reported as such and the benchmark stops there (the slow cases come last), since the abandoned
 * solver thread cannot be interrupted. Optionally, a fourth argument keeps only the pools whose
 * name contains it, and a fifth only the solvers whose name contains it (e.g. {@code cp_sat}).
 */
public final class OrToolsBenchmark {

  private OrToolsBenchmark() {}

  private record Case(String pool, SelectionProblem problem, boolean grouped) {}

  /** Process CPU time (all threads, native included): ojAlgo and GC may use other threads. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * Runs the benchmark.
   *
   * @param args shared folder, runs, cap in seconds
   * @throws Exception if the data cannot be read or a run fails
   */
  public static void main(String[] args) throws Exception {
    Path shared = Path.of(args.length > 0 ? args[0] : "/work/shared", "sortition");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int cap = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    String poolFilter = args.length > 3 ? args[3] : "";
    String solverFilter = args.length > 4 ? args[4] : "";
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
    List<Case> cases =
        List.of(
            new Case("example_small_20 (200/20)", small, true),
            new Case("scaled_700_100 (700/100)", scaled, true),
            new Case("sortition-algorithms fixtures (150/22, household rule)", fixtures, true),
            new Case("example_large_200 (2000/200)", large, true),
            new Case("example_small_20 (200/20), no grouping", small, false),
            new Case("scaled_700_100 (700/100), no grouping", scaled, false));
    List<LinearSolver> solvers = List.of(FairSelection.defaultSolver(), OrToolsSolver.scip());
    LinearSolver cpSat = new OrToolsSolver(OrToolsSolver.IntegerBackend.CP_SAT);
    System.out.printf(Locale.ROOT, "load average at start: %s%n", loadAverage());
    System.out.println(
        "| pool (n/k) | objective | solver | median wall s | min wall s | median CPU s | panels | minimum probability |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "benchmark");
              t.setDaemon(true);
              return t;
            });
    List<Runnable> slowest = new ArrayList<>();
    for (Case c : cases) {
      for (FairSelection.Objective objective : FairSelection.Objective.values()) {
        List<LinearSolver> compared = new ArrayList<>(solvers);
        if (!c.grouped()) {
          compared.add(cpSat);
        }
        for (LinearSolver solver : compared) {
          if (!c.pool().contains(poolFilter) || !solver.name().contains(solverFilter)) {
            continue;
          }
          FairSelection.Settings settings = FairSelection.Settings.of(objective, solver);
          if (!c.grouped()) {
            settings = settings.ungrouped();
          }
          FairSelection.Settings s = settings;
          boolean slow = !c.grouped() && c.problem() == scaled && solver == solvers.get(0);
          Runnable row = () -> measure(executor, c, s, runs, cap);
          if (slow) {
            slowest.add(row);
          } else {
            row.run();
          }
        }
      }
    }
    for (Runnable r : slowest) {
      r.run();
    }
    System.out.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
    System.exit(0);
  }

  private static void measure(
      ExecutorService executor, Case c, FairSelection.Settings settings, int runs, int cap) {
    SelectionOptions options = new SelectionOptions("benchmark", 1, 1000, 1);
    double[] wall = new double[runs];
    double[] cpu = new double[runs];
    Measured last = null;
    for (int i = -1; i < runs; i++) {
      Future<double[]> f =
          executor.submit(
              () -> {
                long t = System.nanoTime();
                long ct = cpuNanos();
                SelectionResult r = FairSelection.select(c.problem(), options, settings);
                return new double[] {
                  (System.nanoTime() - t) / 1e9,
                  (cpuNanos() - ct) / 1e9,
                  r.panelsConsidered(),
                  r.minimum()
                };
              });
      double[] m;
      try {
        m = f.get(cap, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %s | > %d (stopped) | | | | |%n",
            c.pool(),
            settings.objective().name().toLowerCase(Locale.ROOT),
            settings.solver().name(),
            cap);
        System.out.printf(Locale.ROOT, "load average at end: %s%n", loadAverage());
        System.exit(0);
        return;
      } catch (InterruptedException | ExecutionException e) {
        throw new IllegalStateException(e);
      }
      if (i < 0) {
        if (m[0] > cap / 4.0) {
          // a slow case: report the one (warm-up) run instead of repeating it
          wall = new double[] {m[0]};
          cpu = new double[] {m[1]};
          last = toResult(m);
          break;
        }
        continue;
      }
      wall[i] = m[0];
      cpu[i] = m[1];
      last = toResult(m);
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %s | %.2f | %.2f | %.2f | %d | %.4f |%n",
        c.pool(),
        settings.objective().name().toLowerCase(Locale.ROOT),
        settings.solver().name(),
        wall[wall.length / 2],
        wall[0],
        cpu[cpu.length / 2],
        (int) last.panels(),
        last.minimum());
  }

  private record Measured(double panels, double minimum) {}

  private static Measured toResult(double[] m) {
    return new Measured(m[2], m[3]);
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (IOException e) {
      return String.format(
          Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
  }

  private static SelectionProblem load(Path derived, String name, int k) throws IOException {
    return new SelectionProblem(
        SortitionCsv.readPeople(derived.resolve(name + "_people.csv"), "id"),
        k,
        SortitionCsv.readQuotas(derived.resolve(name + "_features.csv")),
        HouseholdRule.none());
  }
}
