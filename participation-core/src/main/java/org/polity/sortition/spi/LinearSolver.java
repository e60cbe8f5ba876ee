package org.polity.sortition.spi;

/**
 * Solves the linear and integer programs of maximin and LEXIMIN column generation: the stage linear
 * programs over the panels found so far, the pricing integer program that finds the next panel, and
 * the final linear program that weighs the panels. Core's default is pure Java (ojAlgo); a plugin
 * may pass a native solver to {@link org.polity.sortition.FairSelection} and keep core's algorithm
 * unchanged.
 *
 * <p>Implementations must be thread-confined or stateless: {@code FairSelection} calls {@link
 * #solve} many times in a row from one thread. An integer program must be solved to optimality (a
 * relative gap of at most about {@code 1e-9}): pricing stops when no better panel is found, so a
 * solver that stops early gives a lower minimum probability. A linear program's optimum must
 * satisfy the constraints within about {@code 1e-7}.
 */
public interface LinearSolver {

  /**
   * @return a short name for reports and benchmarks, e.g. {@code ojalgo} or {@code ortools}
   */
  String name();

  /**
   * Solves a linear or mixed-integer program.
   *
   * @param program the program (its arrays must not be modified)
   * @return the optimum, or why there is none
   */
  LinearSolution solve(LinearProgram program);
}
