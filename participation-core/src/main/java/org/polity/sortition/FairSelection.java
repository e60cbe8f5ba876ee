package org.polity.sortition;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.polity.sortition.internal.FairDistribution;
import org.polity.sortition.internal.LotteryRounding;
import org.polity.sortition.internal.OjAlgoSolver;
import org.polity.sortition.internal.UnitModel;
import org.polity.sortition.spi.LinearSolver;

/**
 * Maximin and LEXIMIN by column generation (Flanigan et al., Nature 2021) with a chosen {@link
 * LinearSolver}: the algorithm behind the built-in {@code maximin} and {@code leximin}, open to
 * plugins that only bring another solver (for example a native one) and register it as a {@link
 * org.polity.sortition.spi.SelectionAlgorithm} of their own name.
 *
 * <pre>{@code
 * SelectionResult r = FairSelection.select(problem, options,
 *     FairSelection.Settings.of(FairSelection.Objective.LEXIMIN, mySolver));
 * }</pre>
 *
 * <p>Unlike {@link Sortition#select}, this does not check feasibility first: call it only for
 * problems that have at least one acceptable panel ({@link Sortition#checkFeasibility}).
 */
public final class FairSelection {

  private FairSelection() {}

  /** What the distribution optimises. */
  public enum Objective {
    /** Make the lowest selection probability as high as possible. */
    MAXIMIN,
    /** Then the second lowest, and so on. */
    LEXIMIN
  }

  /**
   * How to compute the distribution.
   *
   * @param objective maximin or LEXIMIN
   * @param solver the solver of the linear and integer programs
   * @param grouped true (the default) to work on groups of interchangeable respondents (same
   *     features, no housemate in the pool), which is exact and much faster; false to give every
   *     respondent their own variable, which is what a pool of all-distinct profiles costs (for
   *     benchmarks)
   * @param warmStart true (the default) to solve the stage linear programs with core's warm-started
   *     simplex, kept across rounds and stages (the solver then solves the pricing integer
   *     programs, and the linear programs only if the simplex meets numerical trouble); false to
   *     have the solver solve every stage linear program, rebuilt each round (slower; an
   *     independent check of the simplex)
   */
  public record Settings(
      Objective objective, LinearSolver solver, boolean grouped, boolean warmStart) {
    /** Validates. */
    public Settings {
      Objects.requireNonNull(objective, "objective");
      Objects.requireNonNull(solver, "solver");
    }

    /**
     * Settings with the warm-started simplex (the form before issue 15).
     *
     * @param objective maximin or LEXIMIN
     * @param solver the solver
     * @param grouped whether to group interchangeable respondents
     */
    public Settings(Objective objective, LinearSolver solver, boolean grouped) {
      this(objective, solver, grouped, true);
    }

    /**
     * @return a copy in which the solver solves every stage linear program (no warm start)
     */
    public Settings withSolverPrograms() {
      return new Settings(objective, solver, grouped, false);
    }

    /**
     * Grouped settings.
     *
     * @param objective maximin or LEXIMIN
     * @param solver the solver
     * @return settings
     */
    public static Settings of(Objective objective, LinearSolver solver) {
      return new Settings(objective, solver, true);
    }

    /**
     * @return a copy that gives every respondent their own variable
     */
    public Settings ungrouped() {
      return new Settings(objective, solver, false, warmStart);
    }
  }

  /**
   * @return core's pure-Java solver (ojAlgo), used by the built-in algorithms
   */
  public static LinearSolver defaultSolver() {
    return OjAlgoSolver.INSTANCE;
  }

  /**
   * Computes the distribution and its lottery.
   *
   * @param problem a feasible problem
   * @param options seed and lottery size (the algorithm name is copied into the result)
   * @param settings objective, solver, grouping
   * @return the result, named {@code options.algorithm()}
   * @throws IllegalStateException if the solver fails
   */
  public static SelectionResult select(
      SelectionProblem problem, SelectionOptions options, Settings settings) {
    long start = System.nanoTime();
    UnitModel model = settings.grouped() ? new UnitModel(problem) : UnitModel.individuals(problem);
    FairDistribution distribution = new FairDistribution(model, settings.solver());
    boolean leximin = settings.objective() == Objective.LEXIMIN;
    FairDistribution.Result result = distribution.solve(leximin, settings.warmStart());
    double[] p = model.personProbabilities(result.unitProbability());
    Map<String, Double> probabilities = new LinkedHashMap<>();
    for (int i = 0; i < p.length; i++) {
      probabilities.put(problem.pool().respondents().get(i).id(), p[i]);
    }
    Lottery lottery =
        LotteryRounding.round(
            model, result.panels(), result.weights(), options.lotterySize(), options.seed());
    return new SelectionResult(
        options.algorithm(),
        options.seed(),
        probabilities,
        lottery,
        result.panelsGenerated(),
        (System.nanoTime() - start) / 1_000_000);
  }
}
