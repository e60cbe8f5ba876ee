package org.polity.sortition;

import java.util.Objects;

/**
 * How to run a selection.
 *
 * @param algorithm the algorithm's name ({@link Algorithm#id()} for the built-ins, or a plugin's)
 * @param seed the recorded seed of every random choice (shuffles in the lottery, legacy draws)
 * @param lotterySize number of tickets in the published lottery, {@code >= 1} (1000 by default)
 * @param legacyDraws number of draws the legacy method runs to estimate its probabilities
 */
public record SelectionOptions(String algorithm, long seed, int lotterySize, int legacyDraws) {

  /** Default lottery size. */
  public static final int DEFAULT_LOTTERY_SIZE = 1000;

  /** Default number of legacy draws (the Nature paper used 10,000). */
  public static final int DEFAULT_LEGACY_DRAWS = 10_000;

  /** Validates. */
  public SelectionOptions {
    Objects.requireNonNull(algorithm, "algorithm");
    if (lotterySize < 1) {
      throw new IllegalArgumentException("The lottery needs at least 1 ticket, got " + lotterySize);
    }
    if (legacyDraws < 1) {
      throw new IllegalArgumentException("Legacy needs at least 1 draw, got " + legacyDraws);
    }
  }

  /**
   * Default sizes.
   *
   * @param algorithm built-in algorithm
   * @param seed recorded seed
   * @return options
   */
  public static SelectionOptions of(Algorithm algorithm, long seed) {
    return new SelectionOptions(algorithm.id(), seed, DEFAULT_LOTTERY_SIZE, DEFAULT_LEGACY_DRAWS);
  }

  /**
   * @param size number of tickets
   * @return a copy with another lottery size
   */
  public SelectionOptions withLotterySize(int size) {
    return new SelectionOptions(algorithm, seed, size, legacyDraws);
  }

  /**
   * @param draws number of legacy draws
   * @return a copy with another number of legacy draws
   */
  public SelectionOptions withLegacyDraws(int draws) {
    return new SelectionOptions(algorithm, seed, lotterySize, draws);
  }
}
