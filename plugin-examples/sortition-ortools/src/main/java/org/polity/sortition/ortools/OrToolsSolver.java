package org.polity.sortition.ortools;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Objects;
import org.polity.sortition.spi.LinearProgram;
import org.polity.sortition.spi.LinearSolution;
import org.polity.sortition.spi.LinearSolver;

/**
 * A {@link LinearSolver} backed by OR-Tools' {@code MPSolver}: linear programs go to GLOP (Google's
 * simplex), integer programs to SCIP or CP-SAT (see {@link IntegerBackend}). Each call builds a
 * fresh native model, solves it on one thread and frees it. The native libraries are loaded on
 * first use ({@link Loader#loadNativeLibraries()}); on a platform OR-Tools does not ship, that
 * throws.
 *
 * <p>Integer programs are solved with a relative gap of {@code 1e-9}: pricing needs the optimum.
 */
public final class OrToolsSolver implements LinearSolver {

  /** The integer solver used for the pricing and feasibility programs. */
  public enum IntegerBackend {
    /** SCIP, a branch-and-cut solver (the default: exact with fractional objectives). */
    SCIP("SCIP"),
    /** CP-SAT, OR-Tools' constraint solver; it scales fractional objectives to integers. */
    CP_SAT("CP-SAT");

    private final String id;

    IntegerBackend(String id) {
      this.id = id;
    }
  }

  private static volatile boolean loaded;

  private final IntegerBackend integerBackend;

  /**
   * @param integerBackend the solver of integer programs
   */
  public OrToolsSolver(IntegerBackend integerBackend) {
    this.integerBackend = Objects.requireNonNull(integerBackend, "integerBackend");
  }

  /**
   * GLOP and SCIP.
   *
   * @return the default OR-Tools solver
   */
  public static OrToolsSolver scip() {
    return new OrToolsSolver(IntegerBackend.SCIP);
  }

  /** Loads OR-Tools' native libraries once (thread-safe, idempotent). */
  static void ensureLoaded() {
    if (!loaded) {
      synchronized (OrToolsSolver.class) {
        if (!loaded) {
          Loader.loadNativeLibraries();
          loaded = true;
        }
      }
    }
  }

  @Override
  public String name() {
    return "ortools-glop-" + integerBackend.name().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public LinearSolution solve(LinearProgram program) {
    ensureLoaded();
    boolean mip = program.hasIntegers();
    String id = mip ? integerBackend.id : "GLOP";
    MPSolver solver = MPSolver.createSolver(id);
    if (solver == null) {
      throw new IllegalStateException(
          "OR-Tools has no solver '" + id + "' in this build; use another IntegerBackend.");
    }
    try {
      solver.setNumThreads(1);
      double inf = MPSolver.infinity();
      int n = program.variableCount();
      MPVariable[] x = new MPVariable[n];
      MPObjective objective = solver.objective();
      for (int v = 0; v < n; v++) {
        double lb = Math.max(-inf, program.lower()[v]);
        double ub = Math.min(inf, program.upper()[v]);
        x[v] =
            program.integer()[v]
                ? solver.makeIntVar(lb, ub, "x" + v)
                : solver.makeNumVar(lb, ub, "x" + v);
        if (program.objective()[v] != 0) {
          objective.setCoefficient(x[v], program.objective()[v]);
        }
      }
      if (program.maximise()) {
        objective.setMaximization();
      } else {
        objective.setMinimization();
      }
      for (LinearProgram.Row row : program.rows()) {
        MPConstraint c =
            solver.makeConstraint(Math.max(-inf, row.lower()), Math.min(inf, row.upper()));
        int[] vars = row.variables();
        double[] coef = row.coefficients();
        for (int i = 0; i < vars.length; i++) {
          c.setCoefficient(x[vars[i]], coef[i]);
        }
      }
      MPSolverParameters parameters = new MPSolverParameters();
      if (mip) {
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
      }
      MPSolver.ResultStatus status = solver.solve(parameters);
      if (status != MPSolver.ResultStatus.OPTIMAL) {
        return new LinearSolution.NotSolved(id + " " + status);
      }
      double[] values = new double[n];
      for (int v = 0; v < n; v++) {
        values[v] = x[v].solutionValue();
      }
      return new LinearSolution.Optimal(values, objective.value());
    } finally {
      solver.delete();
    }
  }
}
