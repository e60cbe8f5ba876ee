package org.polity.sortition.ortools;

import org.polity.sortition.FairSelection;
import org.polity.sortition.SelectionOptions;
import org.polity.sortition.SelectionProblem;
import org.polity.sortition.SelectionResult;
import org.polity.sortition.spi.SelectionAlgorithm;

/**
 * The selection algorithms of this plugin, registered with {@link java.util.ServiceLoader}: core's
 * maximin and LEXIMIN column generation ({@link FairSelection}) with {@link OrToolsSolver} (GLOP
 * and SCIP) instead of the pure-Java default. Same distribution, different solver: choose them by
 * name, {@code --algorithm leximin-ortools} on the command line or {@code new SelectionOptions(
 * "leximin-ortools", seed, 1000, 10000)} in code.
 *
 * <p>With core's default settings ({@link FairSelection.Settings#of}), the stage linear programs of
 * both algorithms are solved by core's warm-started simplex, kept across rounds and stages, so
 * OR-Tools solves the pricing integer programs (SCIP), and a stage's program only when the simplex
 * meets numerical trouble (the simplex also gives the panels' weights). {@link
 * FairSelection.Settings#withSolverPrograms()} has OR-Tools (GLOP) solve every stage program and
 * the final program that weighs the panels.
 */
public final class OrToolsAlgorithms {

  private OrToolsAlgorithms() {}

  /** {@code leximin-ortools}: LEXIMIN solved with OR-Tools. */
  public static final class Leximin implements SelectionAlgorithm {
    /** For ServiceLoader. */
    public Leximin() {}

    @Override
    public String name() {
      return "leximin-ortools";
    }

    @Override
    public SelectionResult select(SelectionProblem problem, SelectionOptions options) {
      return FairSelection.select(
          problem,
          named(options, name()),
          FairSelection.Settings.of(FairSelection.Objective.LEXIMIN, OrToolsSolver.scip()));
    }
  }

  /** {@code maximin-ortools}: maximin solved with OR-Tools. */
  public static final class Maximin implements SelectionAlgorithm {
    /** For ServiceLoader. */
    public Maximin() {}

    @Override
    public String name() {
      return "maximin-ortools";
    }

    @Override
    public SelectionResult select(SelectionProblem problem, SelectionOptions options) {
      return FairSelection.select(
          problem,
          named(options, name()),
          FairSelection.Settings.of(FairSelection.Objective.MAXIMIN, OrToolsSolver.scip()));
    }
  }

  private static SelectionOptions named(SelectionOptions options, String name) {
    return new SelectionOptions(name, options.seed(), options.lotterySize(), options.legacyDraws());
  }
}
