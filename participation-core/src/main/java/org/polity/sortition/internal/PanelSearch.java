package org.polity.sortition.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.polity.sortition.Quota;

/**
 * Fast heuristic pricing for column generation: local search over acceptable panels that moves one
 * seat at a time from a member of one unit to a member of another, as long as the move keeps every
 * quota (and the household rule) and raises the panel's total weight. It finds good panels in
 * milliseconds but proves nothing: {@link PanelIp} is still called when the search finds no
 * improving panel, to prove that none exists.
 */
final class PanelSearch {

  private final UnitModel model;
  private final int units;
  private final int[][] unitQuotas;
  private final int[] quotaMin;
  private final int[] quotaMax;
  private final int[] household;
  private final int householdCount;

  /** Quotas of each unit as a bit set, when there are at most 64 quotas (else null). */
  private final long[] quotaMask;

  PanelSearch(UnitModel model) {
    this.model = model;
    this.units = model.unitCount();
    List<Quota> quotas = model.problem.quotas();
    quotaMin = new int[quotas.size()];
    quotaMax = new int[quotas.size()];
    List<List<Integer>> byUnit = new ArrayList<>();
    for (int u = 0; u < units; u++) {
      byUnit.add(new ArrayList<>());
    }
    for (int q = 0; q < quotas.size(); q++) {
      quotaMin[q] = quotas.get(q).min();
      quotaMax[q] = quotas.get(q).max();
      for (int u : model.quotaUnits[q]) {
        byUnit.get(u).add(q);
      }
    }
    unitQuotas = new int[units][];
    for (int u = 0; u < units; u++) {
      unitQuotas[u] = byUnit.get(u).stream().mapToInt(Integer::intValue).toArray();
    }
    if (quotas.size() <= 64) {
      quotaMask = new long[units];
      for (int u = 0; u < units; u++) {
        for (int q : unitQuotas[u]) {
          quotaMask[u] |= 1L << q;
        }
      }
    } else {
      quotaMask = null;
    }
    household = new int[units];
    Arrays.fill(household, -1);
    int h = 0;
    for (int[] members : model.households) {
      for (int u : members) {
        household[u] = h;
      }
      h++;
    }
    householdCount = h;
  }

  /**
   * Units sorted by decreasing member weight, to be passed to {@link #improve}.
   *
   * @param weight weight of one member of each unit
   * @return unit indices, heaviest first
   */
  int[] order(double[] weight) {
    Integer[] boxed = new Integer[units];
    for (int u = 0; u < units; u++) {
      boxed[u] = u;
    }
    Arrays.sort(boxed, (a, b) -> Double.compare(weight[b], weight[a]));
    int[] order = new int[units];
    for (int u = 0; u < units; u++) {
      order[u] = boxed[u];
    }
    return order;
  }

  /**
   * Best-improvement local search by single-seat moves.
   *
   * @param start an acceptable panel (counts per unit); not modified
   * @param weight weight of one member of each unit
   * @param order {@link #order} of the weights
   * @return a locally optimal acceptable panel, at least as heavy as the start
   */
  int[] improve(int[] start, double[] weight, int[] order) {
    int[] x = start.clone();
    int[] quotaCount = new int[quotaMin.length];
    int[] householdSeats = new int[householdCount];
    for (int u = 0; u < units; u++) {
      if (x[u] > 0) {
        for (int q : unitQuotas[u]) {
          quotaCount[q] += x[u];
        }
        if (household[u] >= 0) {
          householdSeats[household[u]] += x[u];
        }
      }
    }
    int[] seated = new int[units];
    while (true) {
      // Quotas that cannot lose a seat (at their minimum) or gain one (at their maximum).
      long atMin = 0;
      long atMax = 0;
      if (quotaMask != null) {
        for (int q = 0; q < quotaMin.length; q++) {
          if (quotaCount[q] - 1 < quotaMin[q]) {
            atMin |= 1L << q;
          }
          if (quotaCount[q] + 1 > quotaMax[q]) {
            atMax |= 1L << q;
          }
        }
      }
      int n = 0;
      for (int u = 0; u < units; u++) {
        if (x[u] > 0) {
          seated[n++] = u;
        }
      }
      double bestGain = 1e-12;
      int bestFrom = -1;
      int bestTo = -1;
      for (int i = 0; i < n; i++) {
        int from = seated[i];
        double wf = weight[from];
        for (int to : order) {
          double gain = weight[to] - wf;
          if (gain <= bestGain) {
            break;
          }
          if (to != from
              && x[to] < model.size(to)
              && (quotaMask == null
                  ? movable(from, to, quotaCount, householdSeats)
                  : movable(from, to, atMin, atMax, householdSeats))) {
            bestGain = gain;
            bestFrom = from;
            bestTo = to;
            break;
          }
        }
      }
      if (bestFrom < 0) {
        return x;
      }
      x[bestFrom]--;
      x[bestTo]++;
      for (int q : unitQuotas[bestFrom]) {
        quotaCount[q]--;
      }
      for (int q : unitQuotas[bestTo]) {
        quotaCount[q]++;
      }
      if (household[bestFrom] >= 0) {
        householdSeats[household[bestFrom]]--;
      }
      if (household[bestTo] >= 0) {
        householdSeats[household[bestTo]]++;
      }
    }
  }

  /** {@link #movable(int, int, int[], int[])} with the quotas as bit sets. */
  private boolean movable(int from, int to, long atMin, long atMax, int[] householdSeats) {
    long mf = quotaMask[from];
    long mt = quotaMask[to];
    if ((mf & atMin & ~mt) != 0 || (mt & atMax & ~mf) != 0) {
      return false;
    }
    int h = household[to];
    return h < 0 || h == household[from] || householdSeats[h] < 1;
  }

  private boolean movable(int from, int to, int[] quotaCount, int[] householdSeats) {
    int[] qf = unitQuotas[from];
    int[] qt = unitQuotas[to];
    for (int q : qf) {
      if (quotaCount[q] - 1 < quotaMin[q] && !contains(qt, q)) {
        return false;
      }
    }
    for (int q : qt) {
      if (quotaCount[q] + 1 > quotaMax[q] && !contains(qf, q)) {
        return false;
      }
    }
    int h = household[to];
    return h < 0 || h == household[from] || householdSeats[h] < 1;
  }

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }
}
