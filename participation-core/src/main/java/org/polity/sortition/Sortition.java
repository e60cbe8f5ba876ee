package org.polity.sortition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polity.common.PluginLoader;
import org.polity.sortition.internal.Feasibility;
import org.polity.sortition.internal.UnitModel;
import org.polity.sortition.spi.SelectionAlgorithm;

/**
 * Runs a selection: checks that the quotas can be met (otherwise says which cannot and suggests the
 * smallest relaxation), then asks the chosen {@link SelectionAlgorithm} for the distribution and
 * its published lottery.
 *
 * <pre>{@code
 * SelectionProblem problem = new SelectionProblem(pool, 20, quotas, HouseholdRule.on("address", "zip"));
 * switch (Sortition.select(problem, SelectionOptions.of(Algorithm.LEXIMIN, seed))) {
 *   case SelectionOutcome.Selected s -> publish(s.result().lottery());
 *   case SelectionOutcome.Infeasible i -> System.err.println(i.infeasibility().message());
 * }
 * }</pre>
 */
public final class Sortition {

  private Sortition() {}

  /**
   * Selects with the named algorithm.
   *
   * @param problem the problem
   * @param options algorithm name, seed, sizes
   * @return the result, or the infeasibility diagnosis
   * @throws IllegalArgumentException if no algorithm has that name
   */
  public static SelectionOutcome select(SelectionProblem problem, SelectionOptions options) {
    SelectionAlgorithm algorithm =
        find(options.algorithm())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Unknown selection algorithm '"
                            + options.algorithm()
                            + "'; available: "
                            + available()
                            + "."));
    Optional<Infeasibility> infeasible = checkFeasibility(problem);
    if (infeasible.isPresent()) {
      return new SelectionOutcome.Infeasible(infeasible.get());
    }
    return new SelectionOutcome.Selected(algorithm.select(problem, options));
  }

  /**
   * @param problem the problem
   * @return empty if some panel meets every quota and the household rule, else the diagnosis
   */
  public static Optional<Infeasibility> checkFeasibility(SelectionProblem problem) {
    return Feasibility.check(new UnitModel(problem));
  }

  /**
   * @param name an algorithm name
   * @return the algorithm registered under it
   */
  public static Optional<SelectionAlgorithm> find(String name) {
    for (SelectionAlgorithm a : PluginLoader.all(SelectionAlgorithm.class)) {
      if (a.name().equalsIgnoreCase(name)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * @return the names of all registered algorithms
   */
  public static List<String> available() {
    List<String> names = new ArrayList<>();
    for (SelectionAlgorithm a : PluginLoader.all(SelectionAlgorithm.class)) {
      names.add(a.name());
    }
    return names;
  }
}
