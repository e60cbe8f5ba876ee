package org.polity.sortition.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.polity.sortition.spi.LinearProgram;
import org.polity.sortition.spi.LinearSolution;
import org.polity.sortition.spi.LinearSolver;

/**
 * Maximin and LEXIMIN distributions over panels by column generation (Flanigan, Gölz, Gupta,
 * Hennig, Procaccia, Nature 596, 2021), written from the paper's description.
 *
 * <p>Each stage maximises the lowest probability among the respondents not yet fixed, keeping the
 * already fixed ones at their level. It is solved through its dual, a linear program with one
 * constraint per known panel: {@code min ŷ - Σ_fixed f_u y_u} subject to {@code Σ_u y_u n_uP/c_u <=
 * ŷ} for every panel P, {@code Σ_unfixed y_u = 1}, {@code y >= 0}. The pricing integer program
 * ({@link PanelIp}) looks for a panel whose members' total dual weight exceeds ŷ; if one exists it
 * is added and the dual solved again, otherwise the stage is optimal, and the units with a positive
 * dual weight are fixed at the stage's value (complementary slackness). Maximin is the first stage;
 * LEXIMIN repeats until every unit is fixed. A final linear program finds the weights of the
 * panels. Respondents who are in no acceptable panel at all get probability 0 and are left out of
 * the minimum (as the Sortition Foundation's implementation does).
 */
public final class FairDistribution {

  /** Pricing: a panel improves the dual if it beats ŷ by more than this. */
  static final double PRICING_EPS = 1e-9;

  /** A dual weight above this marks a unit as tight, to be fixed. */
  static final double FIX_EPS = 1e-7;

  /**
   * In the stages solved by the solver's linear programs, fixed levels are first lowered by this
   * much to keep later stages feasible despite rounding; if a stage program still fails, the slack
   * grows tenfold up to {@link #MAX_FIX_SLACK}. It must stay small: a later stage's level moves by
   * the fixed units' total dual weight times the slack, and that weight reaches several hundred on
   * the assembly pools (a slack of 1e-8 moved LEXIMIN's second level by 3.4e-6, issue 15).
   */
  static final double FIX_SLACK = 1e-10;

  /** The largest slack tried before giving up. */
  static final double MAX_FIX_SLACK = 1e-8;

  /** Prints per-stage figures to standard error when the system property is set (issue 15). */
  static final boolean DEBUG = Boolean.getBoolean("polity.sortition.debug");

  /**
   * From LEXIMIN's second stage on, the exact integer program also prices every this many rounds of
   * a stage even when the local search found improving panels, and its panel is added: the search's
   * panels then improve the bound by little per round (issue 15: on the shared pool, stage 2 took
   * 26 rounds instead of 46, stage 3 70 instead of 133). Maximin's single stage does without (the
   * integer programs would cost more than the rounds they save).
   */
  static final int IP_EVERY = Integer.getInteger("polity.ipEvery", 10);

  /** Local searches per round, each started from one of the panels closest to the dual bound. */
  static final int SEARCH_STARTS = 12;

  /** A panel whose dual row stayed slack this many rounds in a row leaves the linear program. */
  static final int SLACK_ROUNDS = 3;

  /**
   * A distribution over unit-level panels.
   *
   * @param panels counts per unit of each panel with positive weight
   * @param weights probability of each panel (sums to 1)
   * @param unitProbability probability of each member of each unit, in [0, 1]
   * @param panelsGenerated number of panels generated during column generation
   * @param pricingCalls number of integer programs solved
   * @param rounds number of linear programs solved in column generation (all stages)
   * @param stages number of stages (1 for maximin)
   */
  public record Result(
      List<int[]> panels,
      double[] weights,
      double[] unitProbability,
      int panelsGenerated,
      int pricingCalls,
      int rounds,
      int stages) {}

  /** A generated panel: its counts, its sparse member shares, and whether its row is in the LP. */
  private static final class Column {
    final int[] counts;
    final int[] units;
    final double[] shares;
    boolean active = true;
    int slack;

    Column(int[] counts, UnitModel model) {
      this.counts = counts;
      int nz = 0;
      for (int c : counts) {
        if (c > 0) {
          nz++;
        }
      }
      units = new int[nz];
      shares = new double[nz];
      int i = 0;
      for (int u = 0; u < counts.length; u++) {
        if (counts[u] > 0) {
          units[i] = u;
          shares[i++] = (double) counts[u] / model.size(u);
        }
      }
    }

    /** Σ_u y_u n_uP / c_u. */
    double value(double[] y) {
      double v = 0;
      for (int i = 0; i < units.length; i++) {
        v += y[units[i]] * shares[i];
      }
      return v;
    }
  }

  private final UnitModel model;
  private final PanelIp ip;
  private final PanelSearch search;
  private final LinearSolver solver;
  private final List<Column> panels = new ArrayList<>();
  private final Map<List<Integer>, Column> known = new HashMap<>();
  private double slack = FIX_SLACK;
  private int pricingCalls;
  private int searchCalls;
  private int rounds;
  private int stages;
  private boolean[] coverable;

  /**
   * @param model the units of the problem (which must have at least one acceptable panel)
   * @param solver the solver of the linear and integer programs
   */
  public FairDistribution(UnitModel model, LinearSolver solver) {
    this.model = model;
    this.solver = solver;
    this.ip = new PanelIp(model, solver);
    this.search = new PanelSearch(model);
  }

  /**
   * @return a maximin distribution (warm-started simplex)
   */
  public Result maximin() {
    return solve(false, true);
  }

  /**
   * The LEXIMIN distribution, every stage on the warm-started simplex. Its levels are exact: the
   * difference of about 1e-5 once seen against the solver's linear programs came from the slack
   * those took off the fixed levels (see {@link #FIX_SLACK}), not from the simplex (issue 15).
   *
   * @return the LEXIMIN distribution
   */
  public Result leximin() {
    return solve(true, true);
  }

  /**
   * Either objective, by one of the two ways of solving the stages (for tests and benchmarks that
   * compare them). The warm-started simplex falls back to the solver's linear programs on numerical
   * trouble.
   *
   * @param leximin true for LEXIMIN, false for maximin
   * @param warm true for the warm-started simplex, false for the solver's linear programs rebuilt
   *     each round
   * @return the distribution
   */
  public Result solve(boolean leximin, boolean warm) {
    if (warm) {
      return solve(leximin);
    }
    findCoveringPanels();
    return solveWithSolver(leximin);
  }

  private Result solve(boolean leximin) {
    findCoveringPanels();
    try {
      return solveWarm(leximin);
    } catch (IllegalStateException e) {
      // Numerical trouble in the warm-started simplex: redo the stages with the solver's LPs.
      return solveWithSolver(leximin);
    }
  }

  /**
   * The stages on one warm-started simplex ({@link PanelSimplex}), panels priced by local search
   * first and by the exact integer program only when the search finds no improving panel.
   */
  private Result solveWarm(boolean leximin) {
    int units = model.unitCount();
    int[] rowOfUnit = new int[units];
    int rows = 0;
    for (int u = 0; u < units; u++) {
      rowOfUnit[u] = coverable[u] ? rows++ : -1;
    }
    PanelSimplex simplex = new PanelSimplex(rowOfUnit, rows, shares(panels.get(0)));
    int inSimplex = 1;
    boolean[] open = coverable.clone();
    double[] fixed = new double[units];
    int openCount = rows;
    while (openCount > 0) {
      stages++;
      long stageStart = System.nanoTime();
      long lpNanos = 0;
      int ips0 = pricingCalls;
      int searches0 = searchCalls;
      int rounds0 = rounds;
      int pivots0 = simplex.pivots();
      while (true) {
        for (; inSimplex < panels.size(); inSimplex++) {
          simplex.addColumn(shares(panels.get(inSimplex)));
        }
        rounds++;
        long lp0 = System.nanoTime();
        simplex.optimise();
        lpNanos += System.nanoTime() - lp0;
        double[] pi = simplex.unitWeights();
        double bar = simplex.bound() + PRICING_EPS;
        double[] w = new double[units];
        for (int u = 0; u < units; u++) {
          w[u] = pi[u] / model.size(u);
        }
        int found = searchImproving(pi, w, bar);
        if (found > 0 && stages > 1 && IP_EVERY > 0 && (rounds - rounds0) % IP_EVERY == 0) {
          pricingCalls++;
          int[] best = ip.best(w).orElseThrow();
          if (DEBUG) {
            System.err.printf(
                java.util.Locale.ROOT,
                "  round %d: t %.9f bound %.9f IP gap %.3g%n",
                rounds - rounds0,
                simplex.t(),
                bar,
                weight(best, w) - bar);
          }
          add(best);
        }
        if (found > 0) {
          continue;
        }
        pricingCalls++;
        int[] best = ip.best(w).orElseThrow();
        if (weight(best, w) <= bar || !add(best)) {
          break;
        }
      }
      double level = simplex.t();
      double[] pi = simplex.unitWeights();
      double maxPi = 0;
      for (int u = 0; u < units; u++) {
        if (open[u]) {
          maxPi = Math.max(maxPi, pi[u]);
        }
      }
      List<Integer> tight = new ArrayList<>();
      for (int u = 0; u < units; u++) {
        if (open[u] && (!leximin || pi[u] > FIX_EPS || pi[u] >= maxPi)) {
          tight.add(u);
          open[u] = false;
          fixed[u] = level;
          openCount--;
        }
      }
      if (DEBUG) {
        System.err.printf(
            java.util.Locale.ROOT,
            "stage %d: level %.9f fixed %d open %d | %.2f s (LP %.2f s, %d pivots) rounds %d"
                + " columns %d searches %d IPs %d (%s)%n",
            stages,
            level,
            tight.size(),
            openCount,
            (System.nanoTime() - stageStart) / 1e9,
            lpNanos / 1e9,
            simplex.pivots() - pivots0,
            rounds - rounds0,
            panels.size(),
            searchCalls - searches0,
            pricingCalls - ips0,
            simplex.stats());
      }
      if (openCount > 0) {
        simplex.fix(tight, level);
      }
    }
    double[] weights = simplex.panelWeights();
    List<int[]> kept = new ArrayList<>();
    List<Double> keptWeights = new ArrayList<>();
    double total = 0;
    for (int j = 0; j < weights.length; j++) {
      if (weights[j] > 1e-12) {
        total += weights[j];
      }
    }
    for (int j = 0; j < weights.length; j++) {
      if (weights[j] > 1e-12) {
        kept.add(panels.get(j).counts);
        keptWeights.add(weights[j] / total);
      }
    }
    double[] w = keptWeights.stream().mapToDouble(Double::doubleValue).toArray();
    double[] p = unitProbabilities(model, kept, w);
    for (int u = 0; u < units; u++) {
      if (coverable[u] && p[u] < fixed[u] - 1e-7) {
        throw new IllegalStateException("Stage simplex: a fixed level was lost.");
      }
    }
    return new Result(kept, w, p, panels.size(), pricingCalls, rounds, stages);
  }

  /**
   * Local searches from the panels closest to the bound; adds the improving panels found.
   *
   * @return how many were added
   */
  private int searchImproving(double[] pi, double[] w, double bar) {
    searchCalls++;
    int n = panels.size();
    double[] value = new double[n];
    Integer[] byValue = new Integer[n];
    for (int j = 0; j < n; j++) {
      value[j] = panels.get(j).value(pi);
      byValue[j] = j;
    }
    Arrays.sort(byValue, (a, b) -> Double.compare(value[b], value[a]));
    int[] order = search.order(w);
    int added = 0;
    for (int i = 0; i < Math.min(SEARCH_STARTS, n); i++) {
      int[] x = search.improve(panels.get(byValue[i]).counts, w, order);
      if (weight(x, w) > bar && add(x)) {
        added++;
      }
    }
    return added;
  }

  private double[] shares(Column c) {
    double[] s = new double[model.unitCount()];
    for (int i = 0; i < c.units.length; i++) {
      s[c.units[i]] = c.shares[i];
    }
    return s;
  }

  /** The stages with the {@link LinearSolver}'s linear programs, rebuilt each round. */
  private Result solveWithSolver(boolean leximin) {
    int units = model.unitCount();
    rounds = 0;
    stages = 0;
    double[] fixed = new double[units];
    Arrays.fill(fixed, Double.NaN);
    for (int u = 0; u < units; u++) {
      if (!coverable[u]) {
        fixed[u] = 0;
      }
    }
    while (hasUnfixed(fixed)) {
      stages++;
      long stageStart = System.nanoTime();
      int ips0 = pricingCalls;
      int rounds0 = rounds;
      Dual dual = optimiseStage(fixed);
      boolean any = false;
      double maxY = 0;
      for (int u = 0; u < units; u++) {
        if (Double.isNaN(fixed[u])) {
          maxY = Math.max(maxY, dual.y[u]);
        }
      }
      for (int u = 0; u < units; u++) {
        if (Double.isNaN(fixed[u]) && (dual.y[u] > FIX_EPS || dual.y[u] >= maxY)) {
          fixed[u] = Math.max(0, dual.value);
          any = true;
        }
      }
      if (!any) {
        throw new IllegalStateException("LEXIMIN stage fixed no unit; numerical failure.");
      }
      if (DEBUG) {
        int nowFixed = 0;
        for (int u = 0; u < units; u++) {
          if (!Double.isNaN(fixed[u])) {
            nowFixed++;
          }
        }
        System.err.printf(
            java.util.Locale.ROOT,
            "solver stage %d: level %.9f fixed total %d | %.2f s rounds %d columns %d IPs %d%n",
            stages,
            dual.value,
            nowFixed,
            (System.nanoTime() - stageStart) / 1e9,
            rounds - rounds0,
            panels.size(),
            pricingCalls - ips0);
      }
      if (!leximin) {
        for (int u = 0; u < units; u++) {
          if (Double.isNaN(fixed[u])) {
            fixed[u] = Math.max(0, dual.value);
          }
        }
      }
    }
    return finalWeights(fixed);
  }

  private static boolean hasUnfixed(double[] fixed) {
    for (double f : fixed) {
      if (Double.isNaN(f)) {
        return true;
      }
    }
    return false;
  }

  /** Panels that together include every unit that can be on a panel at all. */
  private void findCoveringPanels() {
    int units = model.unitCount();
    coverable = new boolean[units];
    boolean[] decided = new boolean[units];
    int[] last = null;
    while (true) {
      double[] w = new double[units];
      boolean open = false;
      for (int u = 0; u < units; u++) {
        if (!decided[u]) {
          w[u] = 1.0 / model.size(u);
          open = true;
        }
      }
      if (!open) {
        return;
      }
      int[] counts = null;
      if (last != null) {
        // A local search from the previous panel usually reaches new units without the IP.
        int[] x = search.improve(last, w, search.order(w));
        for (int u = 0; u < units && counts == null; u++) {
          if (x[u] > 0 && !decided[u]) {
            counts = x;
          }
        }
      }
      if (counts == null) {
        pricingCalls++;
        Optional<int[]> panel = ip.best(w);
        if (panel.isEmpty()) {
          throw new IllegalStateException("No acceptable panel; check feasibility first.");
        }
        counts = panel.get();
      }
      boolean newCover = false;
      for (int u = 0; u < units; u++) {
        if (counts[u] > 0 && !decided[u]) {
          decided[u] = true;
          coverable[u] = true;
          newCover = true;
        }
      }
      add(counts);
      last = counts;
      if (!newCover) {
        for (int u = 0; u < units; u++) {
          decided[u] = true;
        }
      }
    }
  }

  /**
   * Adds a panel to the linear program (or puts a known one back).
   *
   * @return false if the panel was already in the linear program
   */
  private boolean add(int[] counts) {
    List<Integer> key = Arrays.stream(counts).boxed().toList();
    Column known = this.known.get(key);
    if (known != null) {
      if (known.active) {
        return false;
      }
      known.active = true;
      known.slack = 0;
      return true;
    }
    Column c = new Column(counts, model);
    this.known.put(key, c);
    panels.add(c);
    return true;
  }

  private record Dual(double[] y, double yHat, double value) {}

  private Dual optimiseStage(double[] fixed) {
    int units = model.unitCount();
    while (true) {
      rounds++;
      Dual dual;
      try {
        dual = solveDual(fixed);
      } catch (IllegalStateException e) {
        if (slack * 10 > MAX_FIX_SLACK * 1.0001) {
          throw e;
        }
        slack *= 10;
        continue;
      }
      double bar = dual.yHat + PRICING_EPS;
      int added = 0;
      List<Column> starts = new ArrayList<>();
      for (Column c : panels) {
        double v = c.value(dual.y);
        if (c.active) {
          c.slack = v < dual.yHat - 1e-9 ? c.slack + 1 : 0;
          if (c.slack >= SLACK_ROUNDS) {
            c.active = false;
          }
          starts.add(c);
        } else if (v > bar) {
          c.active = true;
          c.slack = 0;
          added++;
        }
      }
      double[] w = new double[units];
      for (int u = 0; u < units; u++) {
        w[u] = coverable[u] ? dual.y[u] / model.size(u) : 0;
      }
      starts.sort((a, b) -> Double.compare(b.value(dual.y), a.value(dual.y)));
      int[] order = search.order(w);
      for (int i = 0; i < Math.min(SEARCH_STARTS, starts.size()); i++) {
        int[] x = search.improve(starts.get(i).counts, w, order);
        if (weight(x, w) > bar && add(x)) {
          added++;
        }
      }
      if (added > 0) {
        continue;
      }
      pricingCalls++;
      int[] best = ip.best(w).orElseThrow();
      if (weight(best, w) <= bar || !add(best)) {
        return dual;
      }
    }
  }

  private static double weight(int[] counts, double[] w) {
    double v = 0;
    for (int u = 0; u < w.length; u++) {
      v += w[u] * counts[u];
    }
    return v;
  }

  private List<Column> active() {
    List<Column> a = new ArrayList<>();
    for (Column c : panels) {
      if (c.active) {
        a.add(c);
      }
    }
    return a;
  }

  private Dual solveDual(double[] fixed) {
    int units = model.unitCount();
    int n = units + 1;
    double[] lower = new double[n];
    double[] upper = new double[n];
    double[] cost = new double[n];
    for (int u = 0; u < units; u++) {
      cost[u] = Double.isNaN(fixed[u]) ? 0.0 : -Math.max(0, fixed[u] - slack);
      upper[u] = coverable[u] ? Double.POSITIVE_INFINITY : 0;
    }
    lower[units] = Double.NEGATIVE_INFINITY;
    upper[units] = Double.POSITIVE_INFINITY;
    cost[units] = 1.0;
    List<Column> active = active();
    List<LinearProgram.Row> rows = new ArrayList<>(active.size() + 1);
    for (Column panel : active) {
      int[] vars = new int[panel.units.length + 1];
      double[] coef = new double[panel.units.length + 1];
      vars[0] = units;
      coef[0] = -1;
      System.arraycopy(panel.units, 0, vars, 1, panel.units.length);
      System.arraycopy(panel.shares, 0, coef, 1, panel.units.length);
      rows.add(new LinearProgram.Row(vars, coef, Double.NEGATIVE_INFINITY, 0));
    }
    int open = 0;
    for (int u = 0; u < units; u++) {
      if (Double.isNaN(fixed[u])) {
        open++;
      }
    }
    int[] normVars = new int[open];
    double[] normCoef = new double[open];
    int i = 0;
    for (int u = 0; u < units; u++) {
      if (Double.isNaN(fixed[u])) {
        normVars[i] = u;
        normCoef[i++] = 1;
      }
    }
    rows.add(new LinearProgram.Row(normVars, normCoef, 1, 1));
    double[] values =
        optimal(
            new LinearProgram(false, lower, upper, new boolean[n], cost, rows), "Dual stage LP");
    double[] yValues = new double[units];
    for (int u = 0; u < units; u++) {
      yValues[u] = Math.max(0, values[u]);
    }
    double yh = values[units];
    double value = yh;
    for (int u = 0; u < units; u++) {
      if (!Double.isNaN(fixed[u])) {
        value -= Math.max(0, fixed[u] - slack) * yValues[u];
      }
    }
    return new Dual(yValues, yh, value);
  }

  private double[] optimal(LinearProgram program, String what) {
    LinearSolution solution = solver.solve(program);
    if (solution instanceof LinearSolution.Optimal optimal) {
      return optimal.values();
    }
    throw new IllegalStateException(
        what
            + " failed with solver "
            + solver.name()
            + ": "
            + ((LinearSolution.NotSolved) solution).status());
  }

  /**
   * Panel weights meeting the fixed levels: maximise a common margin {@code t} such that every
   * unit's probability is at least its fixed level plus {@code t} (t may be slightly negative
   * because of rounding in the stages). This spreads the solver's tolerance evenly instead of
   * handing it to one respondent.
   */
  private Result finalWeights(double[] fixed) {
    try {
      return finalWeights(fixed, active());
    } catch (IllegalStateException e) {
      // Rows dropped as slack may have been needed after all: weigh every panel found.
      return finalWeights(fixed, panels);
    }
  }

  private Result finalWeights(double[] fixed, List<Column> panels) {
    int units = model.unitCount();
    int m = panels.size();
    int n = m + 1;
    double[] lower = new double[n];
    double[] upper = new double[n];
    double[] objective = new double[n];
    for (int j = 0; j < m; j++) {
      upper[j] = 1;
    }
    lower[m] = -1;
    upper[m] = 1;
    objective[m] = 1;
    List<LinearProgram.Row> rows = new ArrayList<>();
    int[] all = new int[m];
    double[] ones = new double[m];
    for (int j = 0; j < m; j++) {
      all[j] = j;
      ones[j] = 1;
    }
    rows.add(new LinearProgram.Row(all, ones, 1, 1));
    for (int u = 0; u < units; u++) {
      if (!coverable[u]) {
        continue;
      }
      List<Integer> vars = new ArrayList<>();
      List<Double> coef = new ArrayList<>();
      vars.add(m);
      coef.add(-1.0);
      for (int j = 0; j < m; j++) {
        int c = panels.get(j).counts[u];
        if (c > 0) {
          vars.add(j);
          coef.add((double) c / model.size(u));
        }
      }
      rows.add(
          new LinearProgram.Row(
              vars.stream().mapToInt(Integer::intValue).toArray(),
              coef.stream().mapToDouble(Double::doubleValue).toArray(),
              fixed[u],
              Double.POSITIVE_INFINITY));
    }
    double[] values =
        optimal(
            new LinearProgram(true, lower, upper, new boolean[n], objective, rows),
            "Final weights LP");
    double[] w = new double[m];
    double total = 0;
    for (int j = 0; j < m; j++) {
      w[j] = Math.max(0, values[j]);
      if (w[j] < 1e-12) {
        w[j] = 0;
      }
      total += w[j];
    }
    List<int[]> kept = new ArrayList<>();
    List<Double> keptWeights = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      if (w[j] > 0) {
        kept.add(panels.get(j).counts);
        keptWeights.add(w[j] / total);
      }
    }
    double[] weights = keptWeights.stream().mapToDouble(Double::doubleValue).toArray();
    return new Result(
        kept,
        weights,
        unitProbabilities(model, kept, weights),
        this.panels.size(),
        pricingCalls,
        rounds,
        stages);
  }

  /**
   * Member probability of each unit under a distribution, clipped to [0, 1].
   *
   * @param model the units
   * @param panels unit-level panels
   * @param weights their probabilities
   * @return probability of each member of each unit
   */
  static double[] unitProbabilities(UnitModel model, List<int[]> panels, double[] weights) {
    double[] p = new double[model.unitCount()];
    for (int j = 0; j < panels.size(); j++) {
      int[] counts = panels.get(j);
      for (int u = 0; u < p.length; u++) {
        p[u] += weights[j] * counts[u] / model.size(u);
      }
    }
    for (int u = 0; u < p.length; u++) {
      p[u] = Math.min(1, Math.max(0, p[u]));
    }
    return p;
  }
}
