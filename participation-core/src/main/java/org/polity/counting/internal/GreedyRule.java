package org.polity.counting.internal;

import org.polity.counting.Completion;
import org.polity.counting.CountingOptions;
import org.polity.counting.CountingResult;
import org.polity.counting.Election;
import org.polity.counting.RuleName;
import org.polity.counting.spi.CountingRule;

/** Greedy by votes (or by satisfaction per unit of cost), skipping projects that do not fit. */
@RuleName("greedy")
public final class GreedyRule implements CountingRule {

  /** Creates the rule (used by {@link java.util.ServiceLoader}). */
  public GreedyRule() {}

  @Override
  public CountingResult count(Election election, CountingOptions options) {
    if (!(options.completion() instanceof Completion.None)) {
      throw new IllegalArgumentException(
          "The greedy rule has no completion (it already fills the budget): use completion none.");
    }
    Tally tally = new Tally(election, options);
    GreedyEngine.run(tally, options.satisfaction(), false);
    return tally.result(
        "greedy " + options.satisfaction().name().toLowerCase(java.util.Locale.ROOT));
  }
}
