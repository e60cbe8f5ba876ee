package org.polity.sortition.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.polity.sortition.Quota;
import org.polity.sortition.spi.LinearProgram;
import org.polity.sortition.spi.LinearSolution;
import org.polity.sortition.spi.LinearSolver;

/**
 * The integer program over panels: one integer variable per unit (seats given to its members), the
 * panel size, the quotas and the household constraints. Used to find a panel of maximum weight
 * (pricing in column generation) or any panel (feasibility). The constraints are built once; each
 * call only changes the objective.
 */
final class PanelIp {

  private final UnitModel model;
  private final LinearSolver solver;
  private final double[] lower;
  private final double[] upper;
  private final boolean[] integer;
  private final List<LinearProgram.Row> rows = new ArrayList<>();

  PanelIp(UnitModel model, LinearSolver solver) {
    this.model = model;
    this.solver = solver;
    int units = model.unitCount();
    lower = new double[units];
    upper = new double[units];
    integer = new boolean[units];
    int[] all = new int[units];
    double[] ones = new double[units];
    for (int u = 0; u < units; u++) {
      upper[u] = model.size(u);
      integer[u] = true;
      all[u] = u;
      ones[u] = 1;
    }
    rows.add(new LinearProgram.Row(all, ones, model.panelSize, model.panelSize));
    List<Quota> quotas = model.problem.quotas();
    for (int q = 0; q < model.quotaUnits.length; q++) {
      int[] in = model.quotaUnits[q];
      double[] c = new double[in.length];
      Arrays.fill(c, 1);
      rows.add(new LinearProgram.Row(in, c, quotas.get(q).min(), quotas.get(q).max()));
    }
    for (int[] household : model.households) {
      double[] c = new double[household.length];
      Arrays.fill(c, 1);
      rows.add(new LinearProgram.Row(household, c, Double.NEGATIVE_INFINITY, 1));
    }
  }

  /**
   * A panel maximising the total weight of its members.
   *
   * @param memberWeight weight of one member of each unit, or null for any panel
   * @return counts per unit, or empty if no panel meets the constraints
   */
  Optional<int[]> best(double[] memberWeight) {
    int units = model.unitCount();
    double[] objective = memberWeight == null ? new double[units] : memberWeight.clone();
    LinearSolution solution =
        solver.solve(new LinearProgram(true, lower, upper, integer, objective, rows));
    if (!(solution instanceof LinearSolution.Optimal optimal)) {
      return Optional.empty();
    }
    int[] counts = new int[units];
    for (int u = 0; u < units; u++) {
      counts[u] = (int) Math.round(optimal.values()[u]);
    }
    if (!model.feasible(counts)) {
      throw new IllegalStateException(
          "The integer solver "
              + solver.name()
              + " returned a panel that breaks the constraints;"
              + " this is a solver defect.");
    }
    return Optional.of(counts);
  }
}
