package org.polity.sortition.spi;

import java.util.List;
import java.util.Objects;

/**
 * A linear or mixed-integer program in a solver-neutral form: variables with bounds, an objective,
 * and rows {@code lower <= Σ coefficient·x <= upper}. Built by core's column generation and handed
 * to a {@link LinearSolver}. The arrays are shared, not copied (the programs are built and solved
 * hundreds of times per selection): neither side may modify them.
 *
 * @param maximise true to maximise the objective, false to minimise it
 * @param lower lower bound of each variable ({@link Double#NEGATIVE_INFINITY} for none)
 * @param upper upper bound of each variable ({@link Double#POSITIVE_INFINITY} for none)
 * @param integer whether each variable must take an integer value
 * @param objective objective coefficient of each variable
 * @param rows the constraints
 */
public record LinearProgram(
    boolean maximise,
    double[] lower,
    double[] upper,
    boolean[] integer,
    double[] objective,
    List<Row> rows) {

  /** Validates the sizes and indices. */
  public LinearProgram {
    Objects.requireNonNull(lower, "lower");
    Objects.requireNonNull(upper, "upper");
    Objects.requireNonNull(integer, "integer");
    Objects.requireNonNull(objective, "objective");
    rows = List.copyOf(rows);
    int n = lower.length;
    if (upper.length != n || integer.length != n || objective.length != n) {
      throw new IllegalArgumentException(
          "Every variable needs a lower and upper bound, an integer flag and an objective"
              + " coefficient; got "
              + n
              + ", "
              + upper.length
              + ", "
              + integer.length
              + " and "
              + objective.length
              + " of them.");
    }
    for (int r = 0; r < rows.size(); r++) {
      for (int v : rows.get(r).variables()) {
        if (v < 0 || v >= n) {
          throw new IllegalArgumentException(
              "Row "
                  + r
                  + " names variable "
                  + v
                  + " but the program has "
                  + n
                  + " variables (0 to "
                  + (n - 1)
                  + ").");
        }
      }
    }
  }

  /**
   * @return the number of variables
   */
  public int variableCount() {
    return lower.length;
  }

  /**
   * @return true if some variable must be an integer
   */
  public boolean hasIntegers() {
    for (boolean b : integer) {
      if (b) {
        return true;
      }
    }
    return false;
  }

  /**
   * One constraint {@code lower <= Σ coefficients[i]·x[variables[i]] <= upper} (use infinities for
   * a one-sided row, equal bounds for an equality).
   *
   * @param variables indices of the variables with a non-zero coefficient, each at most once
   * @param coefficients their coefficients
   * @param lower lower bound
   * @param upper upper bound
   */
  public record Row(int[] variables, double[] coefficients, double lower, double upper) {
    /** Validates. */
    public Row {
      Objects.requireNonNull(variables, "variables");
      Objects.requireNonNull(coefficients, "coefficients");
      if (variables.length != coefficients.length) {
        throw new IllegalArgumentException(
            "A row needs one coefficient per variable; got "
                + variables.length
                + " variables and "
                + coefficients.length
                + " coefficients.");
      }
      if (lower > upper) {
        throw new IllegalArgumentException(
            "A row's lower bound (" + lower + ") is above its upper bound (" + upper + ").");
      }
    }
  }
}
