package org.polity.counting.internal;

import org.polity.counting.Completion;
import org.polity.counting.CountingOptions;
import org.polity.counting.CountingResult;
import org.polity.counting.Election;
import org.polity.counting.RuleName;
import org.polity.counting.Satisfaction;
import org.polity.counting.spi.CountingRule;

/**
 * Sequential Phragmén (no skipping), optionally followed by greedy completion. Every project a
 * ballot names counts as approved (points and ranks are ignored).
 */
@RuleName("phragmen")
public final class PhragmenRule implements CountingRule {

  /** Creates the rule (used by {@link java.util.ServiceLoader}). */
  public PhragmenRule() {}

  @Override
  public CountingResult count(Election election, CountingOptions options) {
    if (options.satisfaction() == Satisfaction.POINTS
        || options.satisfaction() == Satisfaction.BORDA) {
      throw new IllegalArgumentException(
          "Sequential Phragmén counts approvals only: use satisfaction cost or cardinality (they are the same for it).");
    }
    boolean greedy = options.completion() instanceof Completion.Greedy;
    if (!greedy && !(options.completion() instanceof Completion.None)) {
      throw new IllegalArgumentException(
          "Sequential Phragmén supports completion none or greedy, not a budget increase.");
    }
    Tally tally = new Tally(election, options.withSatisfaction(Satisfaction.CARDINALITY));
    PhragmenEngine.run(tally);
    if (greedy) {
      GreedyEngine.run(tally, Satisfaction.COST, true);
    }
    return tally.result("phragmen" + (greedy ? " greedy" : ""));
  }
}
