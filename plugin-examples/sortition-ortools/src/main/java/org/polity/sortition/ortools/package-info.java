/**
 * Sortition plugin backed by Google OR-Tools: {@link org.polity.sortition.ortools.OrToolsSolver}
 * solves core's maximin/LEXIMIN column generation with native solvers (GLOP for the linear
 * programs, SCIP or CP-SAT for the pricing integer program), and {@link
 * org.polity.sortition.ortools.OrToolsAlgorithms} registers it as {@code maximin-ortools} and
 * {@code leximin-ortools}. Uses only core's public API and SPI.
 */
package org.polity.sortition.ortools;
