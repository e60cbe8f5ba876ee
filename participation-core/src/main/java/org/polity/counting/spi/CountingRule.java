package org.polity.counting.spi;

import org.polity.counting.CountingOptions;
import org.polity.counting.CountingResult;
import org.polity.counting.Election;

/**
 * A counting rule: turns the ballots of one budget into the set of funded projects, with an
 * explanation per project.
 *
 * <p>Implementations must be deterministic (same election and options, same result), use exact
 * arithmetic, break ties only through {@link CountingOptions#tieBreaking()} (and name the ties that
 * order decided in {@link CountingResult#ties()}), never spend more than the envelope, and refuse
 * options they do not support with an {@link IllegalArgumentException} whose message says which
 * options they accept. They are found by {@link java.util.ServiceLoader} through {@link
 * org.polity.common.PluginLoader} (and, in the Jakarta EE adapter, as CDI beans too) and named with
 * {@link org.polity.counting.RuleName}.
 */
@FunctionalInterface
public interface CountingRule {

  /**
   * Counts.
   *
   * @param election the budget, projects and ballots
   * @param options satisfaction, completion, tie-breaking and limits
   * @return the winners, their cost, and an explanation for every project
   */
  CountingResult count(Election election, CountingOptions options);
}
