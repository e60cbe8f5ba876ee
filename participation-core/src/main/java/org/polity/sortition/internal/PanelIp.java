package org.polity.sortition.internal;

import java.util.List;
import java.util.Optional;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.ojalgo.type.context.NumberContext;
import org.polity.sortition.Quota;

/**
 * The integer program over panels: one integer variable per unit (seats given to its members),
 * the panel size, the quotas and the household constraints. Used to find a panel of maximum
 * weight (pricing in column generation) or any panel (feasibility).
 */
final class PanelIp {

  private final UnitModel model;

  PanelIp(UnitModel model) {
    this.model = model;
  }

  /**
   * A panel maximising the total weight of its members.
   *
   * @param memberWeight weight of one member of each unit
   * @return counts per unit, or empty if no panel meets the constraints
   */
  Optional<int[]> best(double[] memberWeight) {
    Optimisation.Options options = new Optimisation.Options();
    options.integer(
        IntegerStrategy.DEFAULT
            .withGapTolerance(NumberContext.of(12, 9))
            .withParallelism(() -> 1));
    ExpressionsBasedModel ip = new ExpressionsBasedModel(options);
    int units = model.unitCount();
    Variable[] n = new Variable[units];
    for (int u = 0; u < units; u++) {
      n[u] =
          ip.addVariable("n" + u)
              .lower(0)
              .upper(model.size(u))
              .integer(true)
              .weight(memberWeight == null ? 0.0 : memberWeight[u]);
    }
    Expression size = ip.addExpression("size").level(model.panelSize);
    for (int u = 0; u < units; u++) {
      size.set(n[u], 1);
    }
    List<Quota> quotas = model.problem.quotas();
    for (int q = 0; q < model.quotaUnits.length; q++) {
      Expression e =
          ip.addExpression("q" + q).lower(quotas.get(q).min()).upper(quotas.get(q).max());
      for (int u : model.quotaUnits[q]) {
        e.set(n[u], 1);
      }
    }
    int h = 0;
    for (int[] household : model.households) {
      Expression e = ip.addExpression("h" + h++).upper(1);
      for (int u : household) {
        e.set(n[u], 1);
      }
    }
    Optimisation.Result result = ip.maximise();
    if (!result.getState().isFeasible()) {
      return Optional.empty();
    }
    int[] counts = new int[units];
    for (int u = 0; u < units; u++) {
      counts[u] = (int) Math.round(result.doubleValue(u));
    }
    if (!model.feasible(counts)) {
      throw new IllegalStateException(
          "The integer solver returned a panel that breaks the constraints (state "
              + result.getState() + "); this is a solver defect.");
    }
    return Optional.of(counts);
  }
}
