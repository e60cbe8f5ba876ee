package org.polity.counting.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.polity.counting.Rational;
import org.polity.counting.Reason;

/**
 * One run of the Method of Equal Shares with a given amount of money per voter, computed as
 * pabutools' {@code method_of_equal_shares} does, on classes of voters with equal budgets.
 *
 * <p>Each round, for each remaining project: if its supporters hold less money together than its
 * cost, drop it for good; otherwise find the least ρ such that Σ min(budget_i, ρ·u_i) = cost. Fund
 * the project with the least ρ (ties by the tie-breaking order) and charge each supporter
 * min(budget_i, ρ·u_i). Projects are examined in the order of their previous ρ, which can only
 * grow, and the scan stops as soon as a previous ρ exceeds the best found (as pabutools does).
 */
final class MesEngine {

  /** The outcome of one run, with what is needed to explain it. */
  static final class Run {
    final List<Integer> order = new ArrayList<>();
    final Rational[] rho;
    final int[] round;
    final Rational[] minPay;
    final Rational[] maxPay;

    /** Money the supporters held together when the project was dropped (for display only). */
    final double[] dropAvailable;

    final int[] dropRound;
    final Reason[] capReason;

    /** Ties at a round, as {@code [round, tied projects in the tie-breaking order]}. */
    final List<TieAt> ties = new ArrayList<>();

    Rational cost = Rational.ZERO;

    Run(int m) {
      rho = new Rational[m];
      round = new int[m];
      minPay = new Rational[m];
      maxPay = new Rational[m];
      dropAvailable = new double[m];
      java.util.Arrays.fill(dropAvailable, Double.NaN);
      dropRound = new int[m];
      capReason = new Reason[m];
    }
  }

  /**
   * A tie of one round: the projects with the least ρ, in the tie-breaking order.
   *
   * @param round the round
   * @param rho their ρ
   * @param tied the projects, the funded one first
   */
  record TieAt(int round, Rational rho, List<Integer> tied) {}

  private MesEngine() {}

  /**
   * Whether MES may fund a project at all: eligible, not funded before, supported, and costing more
   * than zero.
   */
  static boolean[] candidates(Tally tally) {
    Profile profile = tally.profile;
    boolean[] candidate = new boolean[profile.m];
    for (int p = 0; p < profile.m; p++) {
      candidate[p] =
          tally.eligible[p]
              && !tally.funded[p]
              && profile.totalWeight[p].signum() > 0
              && profile.cost[p].signum() > 0;
    }
    return candidate;
  }

  /**
   * Runs MES.
   *
   * @param tally the count (its caps are copied, not changed)
   * @param candidate the projects MES may fund
   * @param perVoter the money each voter starts with
   * @return the run
   */
  static Run run(Tally tally, boolean[] candidate, Rational perVoter) {
    return run(tally, candidate, perVoter, null);
  }

  /**
   * How far the money per voter can rise above that of a run with the run deciding exactly the same
   * way, round by round (a proven lower bound): the Add1 completion skips the steps below it.
   */
  static final class Reach {
    /** The rise, at least 0 (0: no rise proven); infinite when nothing ever changes. */
    double rise = Double.POSITIVE_INFINITY;

    void atMost(double value) {
      if (!(value >= 0)) {
        value = 0; // NaN or negative: nothing is proven
      }
      rise = Math.min(rise, value);
    }
  }

  /**
   * Runs MES, and when {@code reach} is given also bounds how far the money per voter can rise with
   * the same decisions (see {@link Reach}).
   *
   * <p>With the decisions (the project funded or refused at each round, and who pays in full for
   * it) fixed, every voter's money is an affine function of the starting money x, with a slope
   * tracked per class. For a project q that a round does not choose, Σ min(budget_i(x), ρ(x)·u_i)
   * (ρ the chosen project's price) is concave in x and stays below q's cost as long as its tangent
   * at the run's x does: then q's price stays above ρ, or q stays unaffordable. A project dropped
   * as unaffordable stays so while its supporters' (affine) money stays below its cost. Doubles are
   * used with relative margins of 1e-9, far above their rounding errors.
   *
   * @param tally the count (its caps are copied, not changed)
   * @param candidate the projects MES may fund
   * @param perVoter the money each voter starts with
   * @param reach where to record the bound, or null
   * @return the run
   */
  static Run run(Tally tally, boolean[] candidate, Rational perVoter, Reach reach) {
    Profile profile = tally.profile;
    int m = profile.m;
    Run run = new Run(m);
    Caps caps = tally.caps.copy();
    boolean[] active = candidate.clone();
    Partition partition = new Partition(profile, perVoter, active.clone(), reach != null);
    double[] lower = new double[m];
    double[] costD = new double[m];
    double[] unitD = new double[m];
    List<Integer> remaining = new ArrayList<>();
    for (int p = 0; p < m; p++) {
      if (active[p]) {
        costD[p] = profile.cost[p].doubleValue();
        unitD[p] = profile.unit[p].doubleValue();
        lower[p] =
            profile.cost[p].dividedBy(profile.totalSatisfaction(p)).doubleValue() * (1 - MARGIN);
        remaining.add(p);
      }
    }
    int roundNumber = 0;
    double[] upper = new double[m];
    Price[] exact = new Price[m];
    while (true) {
      roundNumber++;
      remaining.removeIf(p -> !active[p]);
      remaining.sort((a, b) -> Double.compare(lower[a], lower[b]));
      double bestUpper = Double.POSITIVE_INFINITY;
      List<Integer> evaluated = new ArrayList<>();
      for (int p : remaining) {
        if (!affordable(partition, p, costD[p])) {
          active[p] = false;
          if (reach != null) {
            reachUnaffordable(partition, p, costD[p], reach);
          }
          partition.stopTracking(p);
          run.dropAvailable[p] = partition.approxTotal(p);
          run.dropRound[p] = roundNumber;
          continue;
        }
        if (lower[p] > bestUpper) {
          break;
        }
        exact[p] = null;
        estimate(partition, p, costD[p], lower, upper, exact);
        bestUpper = Math.min(bestUpper, upper[p]);
        evaluated.add(p);
      }
      if (evaluated.isEmpty()) {
        return decided(run, m);
      }
      Rational best = null;
      int chosen = -1;
      // Every project tied at the least ρ has been evaluated exactly: its lower bound (its ρ of an
      // earlier round, which can only grow) is at most ρ, so at most bestUpper.
      List<Integer> tied = new ArrayList<>();
      for (int p : evaluated) {
        if (lower[p] > bestUpper) {
          continue;
        }
        if (exact[p] == null) {
          exact[p] = rho(partition, p);
          lower[p] = exact[p].rho().doubleValue() * (1 - MARGIN);
        }
        int c = best == null ? -1 : exact[p].rho().compareTo(best);
        if (c < 0) {
          tied.clear();
        }
        if (c <= 0) {
          tied.add(p);
        }
        if (c < 0 || (c == 0 && profile.tieRank[p] < profile.tieRank[chosen])) {
          best = exact[p].rho();
          chosen = p;
        }
      }
      tied.sort((a, b) -> Integer.compare(profile.tieRank[a], profile.tieRank[b]));
      Price price = exact[chosen];
      double sigmaSlope = Double.NaN;
      if (reach != null && reach.rise > 0) {
        sigmaSlope = reachRound(partition, chosen, price, active, costD, unitD, reach);
      }
      Optional<Reason> cap = caps.violation(tally.project(chosen), tally.currency);
      active[chosen] = false;
      if (cap.isPresent()) {
        partition.stopTracking(chosen);
        run.capReason[chosen] = cap.get();
        continue;
      }
      caps.add(tally.project(chosen));
      if (tied.size() > 1) {
        run.ties.add(new TieAt(roundNumber, best, List.copyOf(tied)));
      }
      // σ = ρ × unit = n / (den × denomW); make den a multiple of σ's denominator.
      BigInteger g = price.n().gcd(BigInteger.valueOf(price.denomW()));
      partition.rescale(price.denomW() / g.longValueExact());
      final BigInteger sigma = price.n().divide(g);
      BigInteger[] pays = {null, null};
      for (long[] e : partition.entries(chosen)) {
        BigInteger pay = partition.num[(int) e[0]].min(sigma.multiply(BigInteger.valueOf(e[1])));
        pays[0] = pays[0] == null ? pay : pays[0].min(pay);
        pays[1] = pays[1] == null ? pay : pays[1].max(pay);
      }
      final double sigmaFall = -sigmaSlope;
      partition.update(
          chosen,
          (budget, weight) ->
              budget.subtract(budget.min(sigma.multiply(BigInteger.valueOf(weight)))),
          Double.isNaN(sigmaSlope)
              ? null
              : new Partition.SlopeRule() {
                @Override
                public boolean paysAll(BigInteger budget, long weight) {
                  return budget.compareTo(sigma.multiply(BigInteger.valueOf(weight))) <= 0;
                }

                @Override
                public double slopeAfter(double slope, long weight) {
                  return slope + sigmaFall * weight;
                }
              });
      run.order.add(chosen);
      run.rho[chosen] = best;
      run.round[chosen] = roundNumber;
      run.minPay[chosen] = Rational.of(pays[0], partition.den);
      run.maxPay[chosen] = Rational.of(pays[1], partition.den);
      run.cost = run.cost.plus(profile.cost[chosen]);
    }
  }

  /**
   * Keeps the ties the order decided: those where a project put behind was, in the end, not funded
   * by this run (had it been put first, it would have been funded at that round).
   */
  private static Run decided(Run run, int m) {
    boolean[] funded = new boolean[m];
    for (int p : run.order) {
      funded[p] = true;
    }
    run.ties.removeIf(tie -> tie.tied().stream().skip(1).allMatch(p -> funded[p]));
    return run;
  }

  /**
   * Keeps the projects of {@code remaining[0..count)} still active, sorted by their lower bound of
   * ρ (insertion sort: the order changes little from round to round), and returns how many.
   */
  static int activeByLowerBound(int[] remaining, int count, boolean[] active, double[] lower) {
    int kept = 0;
    for (int i = 0; i < count; i++) {
      if (active[remaining[i]]) {
        remaining[kept++] = remaining[i];
      }
    }
    for (int i = 1; i < kept; i++) {
      int p = remaining[i];
      int j = i - 1;
      while (j >= 0 && lower[remaining[j]] > lower[p]) {
        remaining[j + 1] = remaining[j];
        j--;
      }
      remaining[j + 1] = p;
    }
    return kept;
  }

  /** Relative safety margin of the bounds that involve slopes (their error is below 1e-9). */
  private static final double SLOPE_MARGIN = 1e-6;

  /** Relative safety margin of the floating-point filters (their error is below 1e-12). */
  private static final double MARGIN = 1e-9;

  /** Whether p's supporters together hold at least its cost; exact when the filter cannot tell. */
  private static boolean affordable(Partition partition, int p, double cost) {
    double approx = partition.approxTotal(p);
    if (approx < cost * (1 - MARGIN)) {
      return false;
    }
    if (approx > cost * (1 + MARGIN)) {
      return true;
    }
    return partition.supportersTotalNum(p).compareTo(partition.costNum(p)) >= 0;
  }

  /**
   * Bounds ρ for p: lower[p] ≤ ρ ≤ upper[p], proven with floating-point sums whose error is far
   * below the margins; computes ρ exactly when the bounds cannot be proven.
   */
  private static void estimate(
      Partition partition, int p, double cost, double[] lower, double[] upper, Price[] exact) {
    Profile profile = partition.profile;
    List<long[]> entries = partition.entries(p);
    int k = entries.size();
    double[] budget = new double[k];
    double[] weight = new double[k];
    double[] count = new double[k];
    boolean[] poor = new boolean[k];
    double richWeight = 0;
    for (int i = 0; i < k; i++) {
      long[] e = entries.get(i);
      budget[i] = partition.approx[(int) e[0]];
      weight[i] = e[1];
      count[i] = e[2];
      richWeight += weight[i] * count[i];
    }
    // Poor/rich iteration (pabutools' affordability_poor_rich): supporters who cannot pay σ × w
    // give all they have; repeat until nobody else becomes poor.
    double poorMoney = 0;
    double sigma = Double.NaN;
    for (int pass = 0; pass <= k && richWeight > 0; pass++) {
      double s = (cost - poorMoney) / richWeight;
      boolean changed = false;
      for (int i = 0; i < k; i++) {
        if (!poor[i] && budget[i] < s * weight[i]) {
          poor[i] = true;
          changed = true;
          poorMoney += budget[i] * count[i];
          richWeight -= weight[i] * count[i];
        }
      }
      if (!changed) {
        sigma = s;
        break;
      }
    }
    double unit = profile.unit[p].doubleValue();
    if (!Double.isNaN(sigma) && sigma > 0) {
      double low = sigma * (1 - 1e-7);
      double high = sigma * (1 + 1e-7);
      if (paid(budget, weight, count, low) < cost * (1 - MARGIN)
          && paid(budget, weight, count, high) > cost * (1 + MARGIN)) {
        lower[p] = low / unit * (1 - 1e-12);
        upper[p] = high / unit * (1 + 1e-12);
        return;
      }
    }
    exact[p] = rho(partition, p);
    double value = exact[p].rho().doubleValue();
    lower[p] = value * (1 - MARGIN);
    upper[p] = value * (1 + MARGIN);
  }

  /** Σ count × min(budget, σ × weight). */
  private static double paid(double[] budget, double[] weight, double[] count, double sigma) {
    double sum = 0;
    for (int i = 0; i < budget.length; i++) {
      sum += Math.min(budget[i], sigma * weight[i]) * count[i];
    }
    return sum;
  }

  /**
   * An exact price: ρ, and σ = ρ × unit as {@code n / (den × denomW)} over the partition's current
   * common denominator.
   */
  record Price(Rational rho, BigInteger n, long denomW) {}

  /**
   * The least ρ with Σ min(budget_i, ρ·u_i) = cost, exactly; the supporters are known to afford it.
   * Supporters are scanned poorest first (budget / weight ascending), as pabutools does.
   */
  static Price rho(Partition partition, int p) {
    Profile profile = partition.profile;
    List<long[]> entries = partition.entries(p);
    BigInteger[] num = partition.num;
    double[] approx = partition.approx;
    long[][] sorted = entries.toArray(new long[0][]);
    double[] key = new double[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      key[i] = approx[(int) sorted[i][0]] / sorted[i][1];
    }
    Integer[] index = new Integer[sorted.length];
    for (int i = 0; i < index.length; i++) {
      index[i] = i;
    }
    java.util.Arrays.sort(index, (a, b) -> Double.compare(key[a], key[b]));
    entries = new ArrayList<>(sorted.length);
    for (int i : index) {
      entries.add(sorted[i]);
    }
    // Make the order exact: the double order is almost right, so insertion sort does little work.
    for (int i = 1; i < entries.size(); i++) {
      long[] current = entries.get(i);
      BigInteger currentScaled = num[(int) current[0]];
      int j = i - 1;
      while (j >= 0
          && num[(int) entries.get(j)[0]]
                  .multiply(BigInteger.valueOf(current[1]))
                  .compareTo(currentScaled.multiply(BigInteger.valueOf(entries.get(j)[1])))
              > 0) {
        entries.set(j + 1, entries.get(j));
        j--;
      }
      entries.set(j + 1, current);
    }
    BigInteger cost = partition.costNum(p);
    BigInteger contribution = BigInteger.ZERO;
    long denominator = profile.totalWeight[p].longValueExact();
    for (long[] e : entries) {
      BigInteger budget = num[(int) e[0]];
      BigInteger n = cost.subtract(contribution);
      // σ = n / (den × denominator); the supporter pays in full when σ × w ≤ budget / den.
      if (n.multiply(BigInteger.valueOf(e[1]))
              .compareTo(budget.multiply(BigInteger.valueOf(denominator)))
          <= 0) {
        Rational rho =
            Rational.of(n, partition.den.multiply(BigInteger.valueOf(denominator)))
                .dividedBy(profile.unit[p]);
        return new Price(rho, n, denominator);
      }
      contribution = contribution.add(budget.multiply(BigInteger.valueOf(e[2])));
      denominator -= e[1] * e[2];
    }
    throw new IllegalStateException(
        "No price found for project " + profile.ids[p] + ": supporters cannot afford it.");
  }

  /**
   * For a round that chose c at {@code price}: records how far the starting money can rise with the
   * same voters paying all they have for c and no other active project's price falling to c's.
   * Returns dσ/dx, the slope of c's price per unit of weight (≤ 0), or NaN when no rise is proven.
   *
   * <p>Who pays all is decided exactly. Slopes are sums of non-negative terms (a voter's slope is 0
   * once it paid all, else its old slope plus w × |dσ/dx|), so doubles bound them within far less
   * than {@link #SLOPE_MARGIN}.
   */
  private static double reachRound(
      Partition partition,
      int c,
      Price price,
      boolean[] active,
      double[] costD,
      double[] unitD,
      Reach reach) {
    Profile profile = partition.profile;
    BigInteger n = price.n();
    BigInteger denomW = BigInteger.valueOf(price.denomW());
    List<long[]> entries = partition.entries(c);
    double[] slopeD = partition.slopeD;
    BigInteger[] gap = new BigInteger[entries.size()];
    double poorSlope = 0;
    long richWeight = 0;
    for (int i = 0; i < gap.length; i++) {
      long[] e = entries.get(i);
      // budget - σ·w, over den × denomW; the supporter pays all it has when it is at most 0.
      gap[i] =
          partition.num[(int) e[0]].multiply(denomW).subtract(n.multiply(BigInteger.valueOf(e[1])));
      if (gap[i].signum() <= 0) {
        poorSlope += slopeD[(int) e[0]] * e[2];
      } else {
        richWeight = Math.addExact(richWeight, Math.multiplyExact(e[1], e[2]));
      }
    }
    if (richWeight == 0) {
      reach.atMost(0);
      return Double.NaN;
    }
    double sigmaFall = poorSlope / richWeight; // -dσ/dx
    BigInteger scale = partition.den.multiply(denomW);
    for (int i = 0; i < gap.length; i++) {
      if (gap[i].signum() > 0) {
        continue; // its gap only grows: budget rises at least as fast as σ·w
      }
      long[] e = entries.get(i);
      double gapSlope = slopeD[(int) e[0]] + sigmaFall * e[1];
      if (gapSlope == 0) {
        continue;
      }
      if (gap[i].signum() == 0) {
        reach.atMost(0);
        return Double.NaN;
      }
      double distance = Rational.ratio(gap[i].negate(), scale);
      reach.atMost(distance / gapSlope * (1 - SLOPE_MARGIN));
    }
    double rho = price.rho().doubleValue();
    double rhoSlope = -sigmaFall / unitD[c];
    double[] approx = partition.approx;
    for (int q = 0; q < profile.m; q++) {
      if (!active[q] || q == c || !partition.tracked[q]) {
        continue;
      }
      // An affine upper bound of Σ min(budget_i(x), ρ(x)·w_i·u_q): one of the two pieces each.
      double unit = unitD[q];
      double value = 0;
      double slope = 0;
      double slopeAbs = 0;
      LongLongMap map = partition.slots[q];
      long[] keys = map.keys;
      long[] values = map.values;
      for (int i = 0; i < keys.length; i++) {
        if (!map.isSlot(i)) {
          continue;
        }
        int k = Partition.classOf(keys[i]);
        double w = Partition.weightOf(keys[i]) * unit;
        double count = values[i];
        double budget = approx[k];
        double pay = rho * w;
        double piece;
        if (budget <= pay) {
          value += count * budget;
          piece = count * slopeD[k];
        } else {
          value += count * pay;
          piece = count * rhoSlope * w;
        }
        slope += piece;
        slopeAbs += Math.abs(piece);
      }
      if (!within(value, slope, slopeAbs, costD[q], reach)) {
        return Double.NaN;
      }
    }
    return -sigmaFall;
  }

  /**
   * Records how far x can rise with {@code value + slope·(x - x0)} (sums of non-negative values and
   * of slopes whose absolute values sum to {@code slopeAbs}, with rounding errors far below the
   * margins) staying below {@code cost}; false when no rise is proven.
   */
  static boolean within(double value, double slope, double slopeAbs, double cost, Reach reach) {
    double high = value * (1 + MARGIN);
    double limit = cost * (1 - MARGIN);
    if (!(high < limit)) {
      reach.atMost(0);
      return false;
    }
    double slopeHigh = slope + slopeAbs * SLOPE_MARGIN;
    if (slopeHigh > 0) {
      reach.atMost((limit - high) / slopeHigh * (1 - SLOPE_MARGIN));
    }
    return reach.rise > 0;
  }

  /** Records how far x can rise with p, unaffordable now, staying unaffordable. */
  private static void reachUnaffordable(Partition partition, int p, double cost, Reach reach) {
    if (reach.rise == 0) {
      return;
    }
    double value = 0;
    double slope = 0;
    double slopeAbs = 0;
    LongLongMap map = partition.slots[p];
    for (int i = 0; i < map.keys.length; i++) {
      if (map.isSlot(i)) {
        int k = Partition.classOf(map.keys[i]);
        value += partition.approx[k] * map.values[i];
        double piece = partition.slopeD[k] * map.values[i];
        slope += piece;
        slopeAbs += Math.abs(piece);
      }
    }
    within(value, slope, slopeAbs, cost, reach);
  }
}
