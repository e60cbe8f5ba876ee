package org.polity.sortition.spi;

import org.polity.sortition.SelectionOptions;
import org.polity.sortition.SelectionProblem;
import org.polity.sortition.SelectionResult;

/**
 * A way of choosing the distribution over panels, found by {@link java.util.ServiceLoader} (through
 * {@link org.polity.common.PluginLoader}; in the Jakarta EE adapter, CDI beans too) under its
 * {@link #name()} (the built-ins are {@code legacy}, {@code maximin} and {@code leximin}). A plugin
 * backed by a native solver registers another name in {@code
 * META-INF/services/org.polity.sortition.spi.SelectionAlgorithm}.
 *
 * <p>{@link org.polity.sortition.Sortition#select} calls {@link #select} only for problems that
 * have at least one acceptable panel. Implementations must return a lottery whose every ticket
 * meets {@link SelectionProblem#violations} with no violation, probabilities in [0, 1] summing to
 * the panel size, and must use {@link SelectionOptions#seed()} for every random choice.
 */
public interface SelectionAlgorithm {

  /**
   * @return the name users select it by, lower case, e.g. {@code leximin}
   */
  String name();

  /**
   * Computes the distribution and its lottery.
   *
   * @param problem a feasible problem
   * @param options seed and sizes
   * @return the result
   */
  SelectionResult select(SelectionProblem problem, SelectionOptions options);
}
