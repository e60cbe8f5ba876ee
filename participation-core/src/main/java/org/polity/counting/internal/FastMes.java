package org.polity.counting.internal;

import java.util.Arrays;
import org.polity.counting.Rational;

/**
 * A floating-point run of the Method of Equal Shares that certifies every decision it takes, for
 * the Add1 completion's grid points: it gives the projects funded, in order, and the {@link
 * MesEngine.Reach} bound, and nothing else (the kept outcome is counted again exactly, with its
 * explanations).
 *
 * <p>Each group of identical ballots holds its money as a double, with a bound on that double's
 * distance to the exact money (rounding errors of every earlier round, carried over). A decision is
 * taken only when it holds for every value within the bounds: a project's supporters afford it (or
 * not), the chosen project's price is below every other's (an exact tie, decided by the
 * tie-breaking order, is never certified), who pays all they have. When one cannot be certified the
 * run gives up ({@code null}) and the caller counts exactly with {@link MesEngine#run}. Otherwise
 * the funded projects, in order, are those of the exact run, and the reach is a proven bound of the
 * same kind as the exact run's.
 */
final class FastMes {

  /** The unit roundoff of doubles. */
  private static final double EPS = 0x1p-53;

  /** Relative safety margin of the bounds that involve slopes (as {@link MesEngine}). */
  private static final double SLOPE_MARGIN = 1e-6;

  private static final ThreadLocal<long[]> STATS = ThreadLocal.withInitial(() -> new long[5]);

  private FastMes() {}

  /**
   * The candidate projects as doubles, for the floating-point runs: cost, unit, a first lower bound
   * of ρ (cost over total satisfaction, for any money) and the list of them.
   */
  record Candidates(double[] cost, double[] unit, double[] lower, int[] remaining, int count) {

    static Candidates of(Profile profile, boolean[] active) {
      int m = profile.m;
      double[] cost = new double[m];
      double[] unit = new double[m];
      double[] lower = new double[m];
      int[] remaining = new int[m];
      int count = 0;
      for (int p = 0; p < m; p++) {
        if (active[p]) {
          cost[p] = profile.cost[p].doubleValue();
          unit[p] = profile.unit[p].doubleValue();
          lower[p] =
              profile.cost[p].dividedBy(profile.totalSatisfaction(p)).doubleValue() * (1 - 1e-9);
          remaining[count++] = p;
        }
      }
      return new Candidates(cost, unit, lower, remaining, count);
    }
  }

  /**
   * On this thread (for tests and benchmarks, reset by them): runs certified, runs given up, and of
   * those given up, on an affordability, on a price's bounds, on a tie.
   */
  static long[] stats() {
    return STATS.get();
  }

  /**
   * Runs MES at {@code perVoter} money per voter, as {@link MesEngine#run(Tally, boolean[],
   * Rational, MesEngine.Reach)} does, or gives up.
   *
   * @return a run with its {@code order} and {@code cost} only, or null when some decision cannot
   *     be certified
   */
  static MesEngine.Run run(
      Tally tally, boolean[] candidate, Rational perVoter, MesEngine.Reach reach) {
    MesEngine.Run run = tryRun(tally, candidate, perVoter, reach);
    STATS.get()[run == null ? 1 : 0]++;
    return run;
  }

  private static MesEngine.Run tryRun(
      Tally tally, boolean[] candidate, Rational perVoter, MesEngine.Reach reach) {
    Profile profile = tally.profile;
    int m = profile.m;
    int groups = profile.groups;
    Caps caps = tally.caps.copy();
    boolean[] active = candidate.clone();
    double x = perVoter.doubleValue();
    double[] money = new double[groups];
    double[] error = new double[groups];
    double[] slope = reach == null ? null : new double[groups];
    double[] mult = new double[groups];
    Arrays.fill(money, x);
    Arrays.fill(error, Math.abs(x) * 2 * EPS);
    if (slope != null) {
      Arrays.fill(slope, 1.0);
    }
    for (int g = 0; g < groups; g++) {
      mult[g] = profile.multiplicity[g];
    }
    Candidates candidates = Candidates.of(profile, active);
    double[] cost = candidates.cost();
    double[] unit = candidates.unit();
    double[] lower = candidates.lower();
    int[] remaining = candidates.remaining();
    int remainingCount = candidates.count();
    double[] costError = new double[m];
    for (int p = 0; p < m; p++) {
      costError[p] = cost[p] * 2 * EPS;
    }
    MesEngine.Run run = new MesEngine.Run(m);
    double[] low = new double[m];
    double[] high = new double[m];
    double[] sigmaOf = new double[m];
    double[] sigmaDelta = new double[m];
    int[] evaluated = new int[m];
    // Whether every supporter of p certainly pays σ·w in full (no one gives all it has): then ρ is
    // exactly cost / (unit × Σ weight), and exact ties can be decided.
    boolean[] allRich = new boolean[m];
    Rational[] exactRho = new Rational[m];
    // Per project, the supporters' money together when last summed, and a bound on its distance to
    // the exact sum then: since money only falls, an upper bound of the sum ever after.
    double[] total = new double[m];
    double[] totalError = new double[m];
    Arrays.fill(total, Double.POSITIVE_INFINITY);
    while (true) {
      remainingCount = MesEngine.activeByLowerBound(remaining, remainingCount, active, lower);
      double bestHigh = Double.POSITIVE_INFINITY;
      int evaluatedCount = 0;
      for (int i = 0; i < remainingCount; i++) {
        int p = remaining[i];
        if (!(total[p] + totalError[p] + costError[p] < cost[p])) {
          sum(profile, p, money, error, mult, total, totalError);
        }
        if (total[p] + totalError[p] + costError[p] < cost[p]) {
          active[p] = false;
          if (reach != null && reach.rise > 0) {
            reachUnaffordable(profile, p, money, error, slope, mult, cost[p], reach);
          }
          continue;
        }
        if (!(total[p] - totalError[p] - costError[p] > cost[p])) {
          STATS.get()[2]++;
          return null; // affordable only just, or not: not certified
        }
        if (lower[p] > bestHigh) {
          break;
        }
        if (!estimate(
            profile,
            p,
            money,
            error,
            mult,
            cost[p],
            unit[p],
            low,
            high,
            sigmaOf,
            sigmaDelta,
            allRich)) {
          STATS.get()[3]++;
          return null;
        }
        lower[p] = low[p];
        bestHigh = Math.min(bestHigh, high[p]);
        evaluated[evaluatedCount++] = p;
      }
      if (evaluatedCount == 0) {
        return run;
      }
      // The projects whose price may be the least: one, or several whose prices are all exact.
      int chosen = -1;
      int close = 0;
      boolean exact = true;
      for (int i = 0; i < evaluatedCount; i++) {
        int p = evaluated[i];
        if (!(low[p] > bestHigh)) {
          close++;
          exact &= allRich[p];
          if (chosen < 0 || high[p] < high[chosen]) {
            chosen = p;
          }
        }
      }
      if (close > 1) {
        if (!exact) {
          STATS.get()[4]++;
          return null; // a near tie, or an exact one: left to the exact count
        }
        chosen = -1;
        for (int i = 0; i < evaluatedCount; i++) {
          int p = evaluated[i];
          if (low[p] > bestHigh) {
            continue;
          }
          if (exactRho[p] == null) {
            exactRho[p] = profile.cost[p].dividedBy(profile.totalSatisfaction(p));
          }
          int c = chosen < 0 ? -1 : exactRho[p].compareTo(exactRho[chosen]);
          if (c < 0 || (c == 0 && profile.tieRank[p] < profile.tieRank[chosen])) {
            chosen = p;
          }
        }
      }
      double sigma = sigmaOf[chosen];
      double delta = sigmaDelta[chosen];
      double sigmaFall = Double.NaN;
      if (reach != null && reach.rise > 0) {
        sigmaFall =
            reachRound(
                profile,
                chosen,
                sigma,
                delta,
                high[chosen],
                money,
                error,
                slope,
                mult,
                active,
                cost,
                unit,
                reach);
      }
      active[chosen] = false;
      if (!caps.addIfWithin(tally.project(chosen), tally.currency)) {
        continue;
      }
      int[] sg = profile.supporterGroups[chosen];
      long[] sw = profile.supporterWeights[chosen];
      boolean slopes = slope != null && !Double.isNaN(sigmaFall) && reach.rise > 0;
      for (int i = 0; i < sg.length; i++) {
        int g = sg[i];
        double w = sw[i];
        double b = money[g];
        double due = sigma * w;
        if (slopes) {
          // Who pays all was certified by reachRound.
          slope[g] = b - due <= 0 ? 0 : slope[g] + sigmaFall * w;
        }
        error[g] += w * delta + 4 * EPS * (b + due);
        money[g] = due >= b ? 0 : b - due;
      }
      run.order.add(chosen);
      run.cost = run.cost.plus(profile.cost[chosen]);
    }
  }

  /** Sums p's supporters' money afresh, with its error bound. */
  private static void sum(
      Profile profile,
      int p,
      double[] money,
      double[] error,
      double[] mult,
      double[] total,
      double[] totalError) {
    int[] sg = profile.supporterGroups[p];
    double sum = 0;
    double sumError = 0;
    for (int g : sg) {
      sum += mult[g] * money[g];
      sumError += mult[g] * error[g];
    }
    total[p] = sum;
    totalError[p] = sumError + (sg.length + 2) * 1.01 * EPS * sum;
  }

  /**
   * Bounds p's price: σ (the payment per unit of weight) is within {@code delta} of {@code
   * sigma[p]}, and ρ = σ / unit within [low[p], high[p]], for every money within the bounds. False
   * when no bound is proven.
   */
  private static boolean estimate(
      Profile profile,
      int p,
      double[] money,
      double[] error,
      double[] mult,
      double cost,
      double unit,
      double[] low,
      double[] high,
      double[] sigmaOut,
      double[] deltaOut,
      boolean[] allRich) {
    int[] sg = profile.supporterGroups[p];
    long[] sw = profile.supporterWeights[p];
    int k = sg.length;
    double moneyError = 0;
    for (int i = 0; i < k; i++) {
      moneyError += mult[sg[i]] * error[sg[i]];
    }
    double[] rich = new double[1];
    double sigma = price(sg, sw, money, mult, cost, rich);
    double richWeight = rich[0];
    if (!(sigma > 0) || richWeight <= 0) {
      return false;
    }
    double rounding = (k + 4) * 1.01 * EPS * cost;
    double delta = 2 * (moneyError + rounding) / richWeight + 8 * EPS * sigma;
    for (int attempt = 0; attempt < 4; attempt++, delta *= 8) {
      double sLow = sigma - delta;
      double sHigh = sigma + delta;
      double paidLow = paid(sg, sw, money, mult, sLow);
      double paidHigh = paid(sg, sw, money, mult, sHigh);
      double slack = moneyError + (k + 4) * 1.01 * EPS * Math.max(paidHigh, cost) * 2;
      // Exact Σ min(b*, σ·w) < cost* at sLow: the exact σ is above sLow; at sHigh it reaches it.
      if (paidLow + slack < cost - 2 * EPS * cost && paidHigh - slack > cost + 2 * EPS * cost) {
        sigmaOut[p] = sigma;
        deltaOut[p] = delta;
        allRich[p] = allRich(sg, sw, money, error, sHigh);
        low[p] = Math.max(0, sLow) / unit * (1 - 4 * EPS);
        high[p] = sHigh / unit * (1 + 4 * EPS);
        return true;
      }
    }
    return false;
  }

  /** Whether every supporter certainly holds more than σ·w for every σ up to sHigh. */
  private static boolean allRich(
      int[] sg, long[] sw, double[] money, double[] error, double sHigh) {
    for (int i = 0; i < sg.length; i++) {
      int g = sg[i];
      double due = sHigh * sw[i];
      if (!(money[g] - error[g] - 4 * EPS * (money[g] + due) > due)) {
        return false;
      }
    }
    return true;
  }

  /**
   * σ such that Σ min(money, σ·w) × multiplicity = cost over the supporters {@code sg} with weights
   * {@code sw}, by pabutools' poor/rich iteration (supporters who cannot pay σ·w give all they
   * have; repeat until nobody else becomes poor), in doubles: its rounding is for the caller to
   * bound. NaN when there is none; {@code richWeight[0]} gets the weight of those who pay σ·w.
   */
  static double price(
      int[] sg, long[] sw, double[] money, double[] mult, double cost, double[] richWeight) {
    int k = sg.length;
    boolean[] poor = new boolean[k];
    double rich = 0;
    for (int i = 0; i < k; i++) {
      rich += mult[sg[i]] * sw[i];
    }
    double poorMoney = 0;
    for (int pass = 0; pass <= k && rich > 0; pass++) {
      double s = (cost - poorMoney) / rich;
      boolean changed = false;
      for (int i = 0; i < k; i++) {
        int g = sg[i];
        if (!poor[i] && money[g] < s * sw[i]) {
          poor[i] = true;
          changed = true;
          poorMoney += money[g] * mult[g];
          rich -= sw[i] * mult[g];
        }
      }
      if (!changed) {
        richWeight[0] = rich;
        return s > 0 ? s : Double.NaN;
      }
    }
    richWeight[0] = rich;
    return Double.NaN;
  }

  /** Σ min(money, σ·w) × multiplicity over the supporters {@code sg} with weights {@code sw}. */
  static double paid(int[] sg, long[] sw, double[] money, double[] mult, double sigma) {
    double sum = 0;
    for (int i = 0; i < sg.length; i++) {
      int g = sg[i];
      sum += Math.min(money[g], sigma * sw[i]) * mult[g];
    }
    return sum;
  }

  /**
   * As {@link MesEngine}'s reachRound, on the run's doubles: who pays all must be certified (else
   * no rise), and every value carries its error bound. Returns −dσ/dx (≥ 0), or NaN when no rise is
   * proven.
   */
  private static double reachRound(
      Profile profile,
      int c,
      double sigma,
      double delta,
      double rhoHigh,
      double[] money,
      double[] error,
      double[] slope,
      double[] mult,
      boolean[] active,
      double[] cost,
      double[] unit,
      MesEngine.Reach reach) {
    int[] sg = profile.supporterGroups[c];
    long[] sw = profile.supporterWeights[c];
    double poorSlope = 0;
    double richWeight = 0;
    for (int i = 0; i < sg.length; i++) {
      int g = sg[i];
      double due = sigma * sw[i];
      double gap = money[g] - due;
      double gapError = error[g] + sw[i] * delta + 4 * EPS * (money[g] + due);
      if (gap > gapError) {
        richWeight += sw[i] * mult[g];
      } else if (gap < -gapError) {
        poorSlope += slope[g] * mult[g];
      } else {
        reach.atMost(0);
        return Double.NaN;
      }
    }
    if (richWeight == 0) {
      reach.atMost(0);
      return Double.NaN;
    }
    double sigmaFall = poorSlope / richWeight;
    for (int i = 0; i < sg.length; i++) {
      int g = sg[i];
      double due = sigma * sw[i];
      double gap = money[g] - due;
      if (gap > 0) {
        continue; // rich: its gap only grows
      }
      double gapSlope = slope[g] + sigmaFall * sw[i];
      if (gapSlope == 0) {
        continue;
      }
      double gapError = error[g] + sw[i] * delta + 4 * EPS * (money[g] + due);
      double distance = (-gap - gapError) * (1 - 4 * EPS);
      reach.atMost(distance / gapSlope * (1 - SLOPE_MARGIN));
    }
    if (!(reach.rise > 0)) {
      return Double.NaN;
    }
    double rhoSlope = -sigmaFall / unit[c];
    for (int q = 0; q < profile.m; q++) {
      if (!active[q] || q == c) {
        continue;
      }
      int[] qg = profile.supporterGroups[q];
      long[] qw = profile.supporterWeights[q];
      double u = unit[q];
      double value = 0;
      double valueError = 0;
      double s = 0;
      double sAbs = 0;
      for (int i = 0; i < qg.length; i++) {
        int g = qg[i];
        double w = qw[i] * u;
        double count = mult[g];
        double b = money[g];
        double pay = rhoHigh * w;
        double piece;
        if (b <= pay) {
          value += count * b;
          valueError += count * error[g];
          piece = count * slope[g];
        } else {
          value += count * pay;
          piece = count * rhoSlope * w;
        }
        s += piece;
        sAbs += Math.abs(piece);
      }
      value += valueError + (qg.length + 4) * 1.01 * EPS * value * 2;
      if (!MesEngine.within(value, s, sAbs, cost[q], reach)) {
        return Double.NaN;
      }
    }
    return sigmaFall;
  }

  private static void reachUnaffordable(
      Profile profile,
      int p,
      double[] money,
      double[] error,
      double[] slope,
      double[] mult,
      double cost,
      MesEngine.Reach reach) {
    int[] sg = profile.supporterGroups[p];
    double value = 0;
    double valueError = 0;
    double s = 0;
    for (int g : sg) {
      value += money[g] * mult[g];
      valueError += error[g] * mult[g];
      s += slope[g] * mult[g];
    }
    value += valueError + (sg.length + 4) * 1.01 * EPS * value * 2;
    MesEngine.within(value, s, s, cost, reach);
  }
}
