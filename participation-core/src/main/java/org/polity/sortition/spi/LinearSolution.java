package org.polity.sortition.spi;

import java.util.Objects;

/**
 * What a {@link LinearSolver} found: an optimal solution, or none (infeasible, unbounded, or the
 * solver failed) with the solver's own status.
 */
public sealed interface LinearSolution {

  /**
   * An optimal solution.
   *
   * @param values the value of each variable, in the program's order
   * @param objective the objective value
   */
  record Optimal(double[] values, double objective) implements LinearSolution {
    /** Validates. */
    public Optimal {
      Objects.requireNonNull(values, "values");
    }
  }

  /**
   * No optimal solution.
   *
   * @param status the solver's status, for the error message (e.g. {@code INFEASIBLE})
   */
  record NotSolved(String status) implements LinearSolution {
    /** Validates. */
    public NotSolved {
      Objects.requireNonNull(status, "status");
    }
  }
}
