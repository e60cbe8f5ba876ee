package org.polity.sortition.internal;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;
import org.ojalgo.type.context.NumberContext;
import org.polity.sortition.spi.LinearProgram;
import org.polity.sortition.spi.LinearSolution;
import org.polity.sortition.spi.LinearSolver;

/**
 * The default {@link LinearSolver}: ojAlgo (pure Java). Integer programs are solved with a tight
 * gap (relative 1e-9) on one thread, as pricing needs the true optimum.
 */
public final class OjAlgoSolver implements LinearSolver {

  /** The shared instance (stateless). */
  public static final OjAlgoSolver INSTANCE = new OjAlgoSolver();

  private OjAlgoSolver() {}

  @Override
  public String name() {
    return "ojalgo";
  }

  @Override
  public LinearSolution solve(LinearProgram program) {
    ExpressionsBasedModel model;
    if (program.hasIntegers()) {
      Optimisation.Options options = new Optimisation.Options();
      options.integer(
          IntegerStrategy.DEFAULT
              .withGapTolerance(NumberContext.of(12, 9))
              .withParallelism(() -> 1));
      model = new ExpressionsBasedModel(options);
    } else {
      model = new ExpressionsBasedModel();
    }
    int n = program.variableCount();
    Variable[] x = new Variable[n];
    for (int v = 0; v < n; v++) {
      x[v] = model.addVariable("x" + v).weight(program.objective()[v]);
      if (program.lower()[v] != Double.NEGATIVE_INFINITY) {
        x[v].lower(program.lower()[v]);
      }
      if (program.upper()[v] != Double.POSITIVE_INFINITY) {
        x[v].upper(program.upper()[v]);
      }
      if (program.integer()[v]) {
        x[v].integer(true);
      }
    }
    int r = 0;
    for (LinearProgram.Row row : program.rows()) {
      Expression e = model.addExpression("r" + r++);
      if (row.lower() == row.upper()) {
        e.level(row.lower());
      } else {
        if (row.lower() != Double.NEGATIVE_INFINITY) {
          e.lower(row.lower());
        }
        if (row.upper() != Double.POSITIVE_INFINITY) {
          e.upper(row.upper());
        }
      }
      for (int i = 0; i < row.variables().length; i++) {
        e.set(x[row.variables()[i]], row.coefficients()[i]);
      }
    }
    Optimisation.Result result = program.maximise() ? model.maximise() : model.minimise();
    if (!result.getState().isFeasible()) {
      return new LinearSolution.NotSolved(String.valueOf(result.getState()));
    }
    double[] values = new double[n];
    for (int v = 0; v < n; v++) {
      values[v] = result.doubleValue(v);
    }
    return new LinearSolution.Optimal(values, result.getValue());
  }
}
