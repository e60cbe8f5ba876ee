package org.polity.sortition.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
  static final double PRICING_EPS = 1e-7;

  /** A dual weight above this marks a unit as tight, to be fixed. */
  static final double FIX_EPS = 1e-7;

  /** Fixed levels are lowered by this much to keep later stages feasible despite rounding. */
  static final double FIX_SLACK = 1e-8;

  /**
   * A distribution over unit-level panels.
   *
   * @param panels counts per unit of each panel with positive weight
   * @param weights probability of each panel (sums to 1)
   * @param unitProbability probability of each member of each unit, in [0, 1]
   * @param panelsGenerated number of panels generated during column generation
   * @param pricingCalls number of integer programs solved
   */
  public record Result(
      List<int[]> panels,
      double[] weights,
      double[] unitProbability,
      int panelsGenerated,
      int pricingCalls) {}

  private final UnitModel model;
  private final PanelIp ip;
  private final LinearSolver solver;
  private final List<int[]> panels = new ArrayList<>();
  private int pricingCalls;
  private boolean[] coverable;

  /**
   * @param model the units of the problem (which must have at least one acceptable panel)
   * @param solver the solver of the linear and integer programs
   */
  public FairDistribution(UnitModel model, LinearSolver solver) {
    this.model = model;
    this.solver = solver;
    this.ip = new PanelIp(model, solver);
  }

  /**
   * @return a maximin distribution
   */
  public Result maximin() {
    return solve(false);
  }

  /**
   * @return the LEXIMIN distribution
   */
  public Result leximin() {
    return solve(true);
  }

  private Result solve(boolean leximin) {
    int units = model.unitCount();
    findCoveringPanels();
    double[] fixed = new double[units];
    Arrays.fill(fixed, Double.NaN);
    for (int u = 0; u < units; u++) {
      if (!coverable[u]) {
        fixed[u] = 0;
      }
    }
    while (hasUnfixed(fixed)) {
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
          fixed[u] = Math.max(0, dual.value - FIX_SLACK);
          any = true;
        }
      }
      if (!any) {
        throw new IllegalStateException("LEXIMIN stage fixed no unit; numerical failure.");
      }
      if (!leximin) {
        for (int u = 0; u < units; u++) {
          if (Double.isNaN(fixed[u])) {
            fixed[u] = Math.max(0, dual.value - FIX_SLACK);
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
      pricingCalls++;
      Optional<int[]> panel = ip.best(w);
      if (panel.isEmpty()) {
        throw new IllegalStateException("No acceptable panel; check feasibility first.");
      }
      int[] counts = panel.get();
      boolean newCover = false;
      for (int u = 0; u < units; u++) {
        if (counts[u] > 0 && !decided[u]) {
          decided[u] = true;
          coverable[u] = true;
          newCover = true;
        }
      }
      addPanel(counts);
      if (!newCover) {
        for (int u = 0; u < units; u++) {
          decided[u] = true;
        }
      }
    }
  }

  private boolean addPanel(int[] counts) {
    for (int[] p : panels) {
      if (Arrays.equals(p, counts)) {
        return false;
      }
    }
    panels.add(counts);
    return true;
  }

  private record Dual(double[] y, double yHat, double value) {}

  private Dual optimiseStage(double[] fixed) {
    while (true) {
      Dual dual = solveDual(fixed);
      double[] w = new double[model.unitCount()];
      for (int u = 0; u < w.length; u++) {
        w[u] = coverable[u] ? dual.y[u] / model.size(u) : 0;
      }
      pricingCalls++;
      int[] best = ip.best(w).orElseThrow();
      double value = 0;
      for (int u = 0; u < w.length; u++) {
        value += w[u] * best[u];
      }
      if (value <= dual.yHat + PRICING_EPS || !addPanel(best)) {
        return dual;
      }
    }
  }

  private Dual solveDual(double[] fixed) {
    int units = model.unitCount();
    int n = units + 1;
    double[] lower = new double[n];
    double[] upper = new double[n];
    double[] cost = new double[n];
    for (int u = 0; u < units; u++) {
      cost[u] = Double.isNaN(fixed[u]) ? 0.0 : -fixed[u];
      upper[u] = coverable[u] ? Double.POSITIVE_INFINITY : 0;
    }
    lower[units] = Double.NEGATIVE_INFINITY;
    upper[units] = Double.POSITIVE_INFINITY;
    cost[units] = 1.0;
    List<LinearProgram.Row> rows = new ArrayList<>(panels.size() + 1);
    for (int[] panel : panels) {
      int nonZero = 1;
      for (int u = 0; u < units; u++) {
        if (panel[u] > 0) {
          nonZero++;
        }
      }
      int[] vars = new int[nonZero];
      double[] coef = new double[nonZero];
      vars[0] = units;
      coef[0] = -1;
      int i = 1;
      for (int u = 0; u < units; u++) {
        if (panel[u] > 0) {
          vars[i] = u;
          coef[i++] = (double) panel[u] / model.size(u);
        }
      }
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
        value -= fixed[u] * yValues[u];
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
        int c = panels.get(j)[u];
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
        kept.add(panels.get(j));
        keptWeights.add(w[j] / total);
      }
    }
    double[] weights = keptWeights.stream().mapToDouble(Double::doubleValue).toArray();
    return new Result(
        kept, weights, unitProbabilities(model, kept, weights), panels.size(), pricingCalls);
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
