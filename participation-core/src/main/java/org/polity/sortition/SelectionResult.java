package org.polity.sortition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A computed selection: each respondent's selection probability under the algorithm's distribution,
 * and the published lottery that realises it (each respondent's lottery chance is within {@link
 * #maxLotteryDeviation(Pool)} of the exact probability).
 *
 * @param algorithm name of the algorithm
 * @param seed the recorded seed
 * @param probabilities exact (maximin/LEXIMIN) or estimated (legacy) probability per respondent id,
 *     in pool order; each in [0, 1], summing to the panel size
 * @param lottery the published lottery
 * @param panelsConsidered distinct panels generated (column generation) or drawn (legacy)
 * @param millis wall-clock computing time in milliseconds
 */
public record SelectionResult(
    String algorithm,
    long seed,
    Map<String, Double> probabilities,
    Lottery lottery,
    int panelsConsidered,
    long millis) {

  /** Copies the probabilities. */
  public SelectionResult {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(lottery, "lottery");
    probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
  }

  /**
   * @return the lowest selection probability
   */
  public double minimum() {
    return probabilities.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  /**
   * @param pool the pool
   * @return the largest difference between a respondent's lottery chance and exact probability
   */
  public double maxLotteryDeviation(Pool pool) {
    Map<String, Double> lotteryP = lottery.probabilities(pool);
    double max = 0;
    for (Map.Entry<String, Double> e : probabilities.entrySet()) {
      max = Math.max(max, Math.abs(e.getValue() - lotteryP.getOrDefault(e.getKey(), 0.0)));
    }
    return max;
  }
}
