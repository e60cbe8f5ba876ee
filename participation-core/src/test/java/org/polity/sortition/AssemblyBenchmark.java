package org.polity.sortition;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.polity.sortition.internal.FairDistribution;
import org.polity.sortition.internal.OjAlgoSolver;
import org.polity.sortition.internal.UnitModel;

/**
 * Benchmark of issue 15: maximin and LEXIMIN with the pure-Java default solver on the shared
 * assembly pool (1,200 respondents, panel of 100) and on larger pools of the same shape made by
 * {@link AssemblyPools} (1,500, 2,000, 2,500 respondents, seed 15). Not a unit test: it prints one
 * Markdown row per case and checks the exactness properties of each result (every panel of the
 * distribution meets every quota, weights sum to 1, probabilities sum to the panel size, and
 * LEXIMIN's minimum equals maximin's), exiting with status 1 if one fails. See docs/benchmarks.md.
 *
 * <p>Arguments: the shared data folder (default /work/shared), then optionally the pool sizes to
 * run (default {@code 1200,1500,2000,2500}) and the objectives (default {@code maximin,leximin}).
 */
public final class AssemblyBenchmark {

  private AssemblyBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args shared folder, pool sizes, objectives
   * @throws IOException if the shared pool cannot be read
   */
  public static void main(String[] args) throws IOException {
    System.setProperty("polity.shared.dir", args.length > 0 ? args[0] : "/work/shared");
    String sizes = args.length > 1 ? args[1] : "1200,1500,2000,2500";
    String objectives = args.length > 2 ? args[2] : "maximin,leximin";
    SelectionProblem base = AssemblyPools.shared();
    System.out.println(
        "| pool | respondents | profiles | objective | wall s | CPU s | panels generated | panels"
            + " used | rounds | stages | integer programs | minimum probability | exact |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    boolean ok = true;
    for (String size : sizes.split(",")) {
      int n = Integer.parseInt(size.trim());
      SelectionProblem problem = n == 1200 ? base : AssemblyPools.generate(base, n, 15);
      String name = n == 1200 ? "assembly_1200_100 (shared)" : "generated, seed 15";
      double maximin = Double.NaN;
      for (String objective : objectives.split(",")) {
        boolean leximin = objective.trim().equals("leximin");
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = cpu(os);
        long t0 = System.nanoTime();
        UnitModel model = new UnitModel(problem);
        FairDistribution distribution = new FairDistribution(model, OjAlgoSolver.INSTANCE);
        FairDistribution.Result r = leximin ? distribution.leximin() : distribution.maximin();
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpuSeconds = (cpu(os) - cpu0) / 1e9;
        List<String> failures = check(problem, model, r);
        double min = minimum(r);
        if (!leximin) {
          maximin = min;
        } else if (!Double.isNaN(maximin) && Math.abs(min - maximin) > 1e-6) {
          failures.add("LEXIMIN minimum " + min + " differs from maximin's " + maximin);
        }
        ok &= failures.isEmpty();
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %d | %s | %.1f | %.1f | %d | %d | %d | %d | %d | %.6f | %s |%n",
            name,
            n,
            model.unitCount(),
            leximin ? "leximin" : "maximin",
            wall,
            cpuSeconds,
            r.panelsGenerated(),
            r.panels().size(),
            r.rounds(),
            r.stages(),
            r.pricingCalls(),
            min,
            failures.isEmpty() ? "yes" : String.join("; ", failures));
      }
    }
    if (!ok) {
      System.exit(1);
    }
  }

  private static long cpu(OperatingSystemMXBean os) {
    if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
      return sun.getProcessCpuTime();
    }
    return 0;
  }

  private static double minimum(FairDistribution.Result r) {
    double min = 1;
    for (double p : r.unitProbability()) {
      min = Math.min(min, p);
    }
    return min;
  }

  /** The exactness properties a distribution must have, as failure messages. */
  static List<String> check(SelectionProblem problem, UnitModel model, FairDistribution.Result r) {
    List<String> failures = new ArrayList<>();
    Set<String> bad = new HashSet<>();
    for (int[] panel : r.panels()) {
      if (!model.feasible(panel)) {
        bad.add(java.util.Arrays.toString(panel));
      }
    }
    if (!bad.isEmpty()) {
      failures.add(bad.size() + " panels break a quota");
    }
    double weights = 0;
    for (double w : r.weights()) {
      weights += w;
    }
    if (Math.abs(weights - 1) > 1e-9) {
      failures.add("weights sum to " + weights);
    }
    double total = 0;
    for (double p : model.personProbabilities(r.unitProbability())) {
      total += p;
    }
    if (Math.abs(total - problem.panelSize()) > 1e-6) {
      failures.add("probabilities sum to " + total);
    }
    return failures;
  }
}
