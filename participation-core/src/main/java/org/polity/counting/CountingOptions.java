package org.polity.counting;

import java.util.Objects;

/**
 * How to count: the satisfaction measure, the completion, the tie-breaking and the city's limits.
 * Every option is explicit; {@link #defaults()} gives cost satisfaction, no completion, ties by
 * project id and no limits.
 *
 * @param satisfaction the satisfaction measure
 * @param completion what to do with money left over
 * @param tieBreaking how ties are broken
 * @param limits thresholds and caps
 */
public record CountingOptions(
    Satisfaction satisfaction, Completion completion, TieBreaking tieBreaking, Limits limits) {

  /** Checks every option is present. */
  public CountingOptions {
    Objects.requireNonNull(satisfaction, "satisfaction");
    Objects.requireNonNull(completion, "completion");
    Objects.requireNonNull(tieBreaking, "tieBreaking");
    Objects.requireNonNull(limits, "limits");
  }

  /**
   * @return cost satisfaction, no completion, ties by id, no limits
   */
  public static CountingOptions defaults() {
    return new CountingOptions(
        Satisfaction.COST, Completion.none(), TieBreaking.byId(), Limits.none());
  }

  /**
   * @param value the satisfaction measure
   * @return a copy with it
   */
  public CountingOptions withSatisfaction(Satisfaction value) {
    return new CountingOptions(value, completion, tieBreaking, limits);
  }

  /**
   * @param value the completion
   * @return a copy with it
   */
  public CountingOptions withCompletion(Completion value) {
    return new CountingOptions(satisfaction, value, tieBreaking, limits);
  }

  /**
   * @param value the tie-breaking
   * @return a copy with it
   */
  public CountingOptions withTieBreaking(TieBreaking value) {
    return new CountingOptions(satisfaction, completion, value, limits);
  }

  /**
   * @param value the limits
   * @return a copy with them
   */
  public CountingOptions withLimits(Limits value) {
    return new CountingOptions(satisfaction, completion, tieBreaking, value);
  }
}
