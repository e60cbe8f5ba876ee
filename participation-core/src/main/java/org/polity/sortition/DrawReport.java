package org.polity.sortition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The public report of one draw: every respondent's selection probability (exact, and in the
 * published lottery), the lowest probability, how each quota is met, the seed, the lottery's
 * fingerprint and tickets, and, once done, the public draw that picked the panel.
 *
 * @param algorithm the algorithm's name
 * @param seed the recorded seed
 * @param panelSize number of seats
 * @param probabilities exact (or, for legacy, estimated) probability per respondent id
 * @param lotteryProbabilities share of lottery tickets naming each respondent
 * @param minimum the lowest of {@code probabilities}
 * @param maxLotteryDeviation largest gap between the two probabilities of a respondent
 * @param quotas how each quota is met
 * @param lottery the published lottery
 * @param draw the public draw, if it took place
 */
public record DrawReport(
    String algorithm,
    long seed,
    int panelSize,
    Map<String, Double> probabilities,
    Map<String, Double> lotteryProbabilities,
    double minimum,
    double maxLotteryDeviation,
    List<QuotaFulfilment> quotas,
    Lottery lottery,
    Optional<PublicDraw.Result> draw) {

  /** Copies collections. */
  public DrawReport {
    Objects.requireNonNull(algorithm, "algorithm");
    probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    lotteryProbabilities = Collections.unmodifiableMap(new LinkedHashMap<>(lotteryProbabilities));
    quotas = List.copyOf(quotas);
    Objects.requireNonNull(lottery, "lottery");
    Objects.requireNonNull(draw, "draw");
  }

  /**
   * How a quota is met.
   *
   * @param quota the quota
   * @param poolCount respondents in the pool with this value
   * @param expectedSeats expected seats (sum of their probabilities)
   * @param fewestSeats fewest seats on any lottery ticket
   * @param mostSeats most seats on any lottery ticket
   */
  public record QuotaFulfilment(
      Quota quota, int poolCount, double expectedSeats, int fewestSeats, int mostSeats) {

    /**
     * @return whether every ticket is within the quota
     */
    public boolean met() {
      return fewestSeats >= quota.min() && mostSeats <= quota.max();
    }
  }

  /**
   * Builds the report.
   *
   * @param problem the problem
   * @param result the selection
   * @param draw the public draw, if done
   * @return the report
   */
  public static DrawReport of(
      SelectionProblem problem, SelectionResult result, Optional<PublicDraw.Result> draw) {
    Pool pool = problem.pool();
    List<QuotaFulfilment> fulfilments = new ArrayList<>();
    for (Quota q : problem.quotas()) {
      int poolCount = 0;
      double expected = 0;
      for (Respondent r : pool.respondents()) {
        if (r.value(q.feature()).equals(q.value())) {
          poolCount++;
          expected += result.probabilities().getOrDefault(r.id(), 0.0);
        }
      }
      int fewest = Integer.MAX_VALUE;
      int most = 0;
      for (Lottery.Entry e : result.lottery().entries()) {
        int seats = 0;
        for (String id : e.panel().memberIds()) {
          if (pool.find(id).map(r -> r.value(q.feature()).equals(q.value())).orElse(false)) {
            seats++;
          }
        }
        fewest = Math.min(fewest, seats);
        most = Math.max(most, seats);
      }
      fulfilments.add(new QuotaFulfilment(q, poolCount, expected, fewest, most));
    }
    return new DrawReport(
        result.algorithm(),
        result.seed(),
        problem.panelSize(),
        result.probabilities(),
        result.lottery().probabilities(pool),
        result.minimum(),
        result.maxLotteryDeviation(pool),
        fulfilments,
        result.lottery(),
        draw);
  }
}
