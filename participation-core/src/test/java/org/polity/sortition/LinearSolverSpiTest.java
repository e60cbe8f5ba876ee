package org.polity.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.polity.sortition.spi.LinearProgram;
import org.polity.sortition.spi.LinearSolution;

/** The solver SPI's program validation and the default (ojAlgo) solver on tiny programs. */
class LinearSolverSpiTest {

  private static final double INF = Double.POSITIVE_INFINITY;

  @Test
  void programsWithMismatchedSizesOrUnknownVariablesAreRefused() {
    assertThatThrownBy(
            () ->
                new LinearProgram(
                    true, new double[2], new double[2], new boolean[1], new double[2], List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 2, 2, 1 and 2");
    assertThatThrownBy(
            () ->
                new LinearProgram(
                    true,
                    new double[1],
                    new double[1],
                    new boolean[1],
                    new double[1],
                    List.of(new LinearProgram.Row(new int[] {3}, new double[] {1}, 0, 1))))
        .hasMessageContaining("names variable 3 but the program has 1 variables");
    assertThatThrownBy(() -> new LinearProgram.Row(new int[] {0}, new double[] {1}, 2, 1))
        .hasMessageContaining("lower bound (2.0) is above its upper bound (1.0)");
  }

  @Test
  void defaultSolverSolvesLinearAndIntegerPrograms() {
    // max x + y, x + 2y <= 3, 0 <= x, y <= 1.5: LP optimum 2.25 at (1.5, 0.75); with integers 2.
    List<LinearProgram.Row> rows =
        List.of(new LinearProgram.Row(new int[] {0, 1}, new double[] {1, 2}, -INF, 3));
    double[] lower = {0, 0};
    double[] upper = {1.5, 1.5};
    double[] objective = {1, 1};
    LinearSolution lp =
        FairSelection.defaultSolver()
            .solve(new LinearProgram(true, lower, upper, new boolean[2], objective, rows));
    assertThat(lp).isInstanceOf(LinearSolution.Optimal.class);
    assertThat(((LinearSolution.Optimal) lp).objective()).isCloseTo(2.25, within(1e-9));
    LinearSolution ip =
        FairSelection.defaultSolver()
            .solve(
                new LinearProgram(true, lower, upper, new boolean[] {true, true}, objective, rows));
    assertThat(((LinearSolution.Optimal) ip).objective()).isCloseTo(2.0, within(1e-9));
    LinearSolution infeasible =
        FairSelection.defaultSolver()
            .solve(
                new LinearProgram(
                    true,
                    lower,
                    upper,
                    new boolean[2],
                    objective,
                    List.of(new LinearProgram.Row(new int[] {0, 1}, new double[] {1, 1}, 4, INF))));
    assertThat(infeasible).isInstanceOf(LinearSolution.NotSolved.class);
  }
}
