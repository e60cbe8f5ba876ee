package org.polity.counting.internal;

import java.util.Arrays;

/**
 * Proves that every money per voter in an interval [from, to] gives one and the same run of the
 * Method of Equal Shares, decision by decision: the Add1 completion then skips every grid point in
 * it at once.
 *
 * <p>Interval arithmetic on groups of identical ballots: each group's money is known to lie in [lo,
 * hi] for every starting money in the interval. A project's price σ (its payment per unit of
 * weight) falls as its supporters hold more, so it lies between the price computed with every
 * supporter at hi and the one with every supporter at lo; each is checked by summing the payments
 * just below and just above it. A round's decision is proven when the chosen project's highest
 * price is below every other project's lowest (an exact tie is never proven), and a project is
 * dropped only when even with every supporter at hi it is unaffordable. After paying, a supporter
 * holds max(0, b - σ·w), bounded by the two extremes. Every bound is widened by relative margins
 * far above the rounding errors of the double sums (below 1e-11 for the elections counted).
 */
final class MesInterval {

  /** Relative margin of every bound: far above the rounding errors of the sums. */
  private static final double MARGIN = 1e-9;

  private MesInterval() {}

  /**
   * Proofs given up on this thread, by cause: affordability undecided, a price not bounded, an
   * order undecided (for tests and benchmarks).
   */
  static final ThreadLocal<long[]> FAILED = ThreadLocal.withInitial(() -> new long[3]);

  /**
   * The run common to every starting money from {@code from} to {@code to}, with its {@code order}
   * and {@code cost} only; null when it cannot be proven.
   */
  static MesEngine.Run certify(Tally tally, boolean[] candidate, double from, double to) {
    Profile profile = tally.profile;
    if (!(to >= from) || !(from > 0) || !Double.isFinite(to)) {
      return null;
    }
    int m = profile.m;
    int groups = profile.groups;
    Caps caps = tally.caps.copy();
    boolean[] active = candidate.clone();
    double[] lo = new double[groups];
    double[] hi = new double[groups];
    double[] mult = new double[groups];
    Arrays.fill(lo, from * (1 - MARGIN));
    Arrays.fill(hi, to * (1 + MARGIN));
    for (int g = 0; g < groups; g++) {
      mult[g] = profile.multiplicity[g];
    }
    FastMes.Candidates candidates = FastMes.Candidates.of(profile, active);
    double[] cost = candidates.cost();
    double[] unit = candidates.unit();
    double[] lower = candidates.lower();
    int[] order = candidates.remaining();
    int remaining = candidates.count();
    double[] rich = new double[1];
    double[] sigmaLow = new double[m];
    double[] sigmaHigh = new double[m];
    double[] rhoHigh = new double[m];
    int[] evaluated = new int[m];
    MesEngine.Run run = new MesEngine.Run(m);
    while (true) {
      remaining = MesEngine.activeByLowerBound(order, remaining, active, lower);
      double bestHigh = Double.POSITIVE_INFINITY;
      int count = 0;
      for (int i = 0; i < remaining; i++) {
        int p = order[i];
        if (lower[p] > bestHigh) {
          break; // its price, at least lower[p] for every money, stays above the best's
        }
        int[] sg = profile.supporterGroups[p];
        long[] sw = profile.supporterWeights[p];
        double totalLo = 0;
        double totalHi = 0;
        for (int g : sg) {
          totalLo += mult[g] * lo[g];
          totalHi += mult[g] * hi[g];
        }
        if (totalHi * (1 + MARGIN) < cost[p]) {
          active[p] = false; // unaffordable for every money in the interval
          continue;
        }
        if (!(totalLo * (1 - MARGIN) > cost[p])) {
          FAILED.get()[0]++;
          return null; // affordable for some money in the interval and maybe not for other
        }
        double sLow = FastMes.price(sg, sw, hi, mult, cost[p], rich);
        double sHigh = FastMes.price(sg, sw, lo, mult, cost[p], rich);
        if (Double.isNaN(sLow) || Double.isNaN(sHigh)) {
          return null;
        }
        sLow *= 1 - MARGIN;
        sHigh *= 1 + MARGIN;
        // Proven: with every supporter at hi, paying sLow falls short (the price is above it);
        // with every supporter at lo, paying sHigh covers the cost (the price is at most it).
        if (!(FastMes.paid(sg, sw, hi, mult, sLow) * (1 + MARGIN / 10) < cost[p])
            || !(FastMes.paid(sg, sw, lo, mult, sHigh) * (1 - MARGIN / 10) > cost[p])) {
          FAILED.get()[1]++;
          return null;
        }
        sigmaLow[p] = sLow;
        sigmaHigh[p] = sHigh;
        lower[p] = sLow / unit[p] * (1 - MARGIN);
        rhoHigh[p] = sHigh / unit[p] * (1 + MARGIN);
        bestHigh = Math.min(bestHigh, rhoHigh[p]);
        evaluated[count++] = p;
      }
      if (count == 0) {
        return run;
      }
      int chosen = -1;
      for (int i = 0; i < count; i++) {
        if (chosen < 0 || rhoHigh[evaluated[i]] < rhoHigh[chosen]) {
          chosen = evaluated[i];
        }
      }
      for (int i = 0; i < count; i++) {
        int p = evaluated[i];
        if (p != chosen && !(lower[p] > rhoHigh[chosen])) {
          FAILED.get()[2]++;
          return null; // the order of the two may change within the interval
        }
      }
      active[chosen] = false;
      if (!caps.addIfWithin(tally.project(chosen), tally.currency)) {
        continue;
      }
      int[] sg = profile.supporterGroups[chosen];
      long[] sw = profile.supporterWeights[chosen];
      for (int i = 0; i < sg.length; i++) {
        int g = sg[i];
        double w = sw[i];
        double low = lo[g] - sigmaHigh[chosen] * w;
        double high = hi[g] - sigmaLow[chosen] * w;
        lo[g] = low <= 0 ? 0 : low - (lo[g] + sigmaHigh[chosen] * w) * MARGIN;
        if (lo[g] < 0) {
          lo[g] = 0;
        }
        hi[g] = high <= 0 ? 0 : high + (hi[g] + sigmaLow[chosen] * w) * MARGIN;
      }
      run.order.add(chosen);
      run.cost = run.cost.plus(profile.cost[chosen]);
    }
  }
}
