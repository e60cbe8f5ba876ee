package org.polity.sortition.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.polity.sortition.Lottery;
import org.polity.sortition.Panel;

/**
 * Rounds a distribution over unit-level panels to a uniform lottery over M concrete panels.
 *
 * <p>Step 1 gives panel j {@code floor(M λ_j)} tickets, then hands the remaining tickets one by one
 * (at most one extra per panel) to the panel that keeps the largest deviation of any unit's member
 * probability smallest. Step 2 names the members: within each unit, members are put in a seeded
 * random cyclic order and every ticket takes the next members in that cycle, so members of one unit
 * appear on tickets a number of times that differ by at most one. Every ticket is an acceptable
 * panel (the unit-level panel is, and household constraints only tie units of one).
 */
public final class LotteryRounding {

  private LotteryRounding() {}

  /**
   * @param model the units
   * @param panels unit-level panels
   * @param weights their probabilities (sum 1)
   * @param size number of tickets M
   * @param seed seed of the member orders
   * @return the lottery
   */
  public static Lottery round(
      UnitModel model, List<int[]> panels, double[] weights, int size, long seed) {
    int j = panels.size();
    int units = model.unitCount();
    int[] tickets = new int[j];
    double[] target = new double[units];
    double[] current = new double[units];
    int assigned = 0;
    for (int p = 0; p < j; p++) {
      tickets[p] = (int) Math.floor(weights[p] * size + 1e-9);
      assigned += tickets[p];
      for (int u = 0; u < units; u++) {
        target[u] += weights[p] * size * panels.get(p)[u] / model.size(u);
        current[u] += (double) tickets[p] * panels.get(p)[u] / model.size(u);
      }
    }
    boolean[] bumped = new boolean[j];
    while (assigned < size) {
      int bestPanel = -1;
      double bestDeviation = Double.POSITIVE_INFINITY;
      for (int p = 0; p < j; p++) {
        if (bumped[p] && hasUnbumped(bumped)) {
          continue;
        }
        double deviation = 0;
        for (int u = 0; u < units; u++) {
          double c = current[u] + (double) panels.get(p)[u] / model.size(u);
          deviation = Math.max(deviation, Math.abs(c - target[u]));
        }
        // Prefer panels that lost the most in the rounding down.
        double frac = weights[p] * size - Math.floor(weights[p] * size + 1e-9);
        deviation -= frac * 1e-9;
        if (deviation < bestDeviation) {
          bestDeviation = deviation;
          bestPanel = p;
        }
      }
      bumped[bestPanel] = true;
      tickets[bestPanel]++;
      assigned++;
      for (int u = 0; u < units; u++) {
        current[u] += (double) panels.get(bestPanel)[u] / model.size(u);
      }
    }
    return concretise(model, panels, tickets, seed);
  }

  private static boolean hasUnbumped(boolean[] bumped) {
    for (boolean b : bumped) {
      if (!b) {
        return true;
      }
    }
    return false;
  }

  private static Lottery concretise(UnitModel model, List<int[]> panels, int[] tickets, long seed) {
    Random random = new Random(seed);
    int units = model.unitCount();
    int[][] order = new int[units][];
    int[] next = new int[units];
    for (int u = 0; u < units; u++) {
      order[u] = model.members[u].clone();
      for (int i = order[u].length - 1; i > 0; i--) {
        int k = random.nextInt(i + 1);
        int t = order[u][i];
        order[u][i] = order[u][k];
        order[u][k] = t;
      }
    }
    List<Panel> result = new ArrayList<>();
    for (int p = 0; p < panels.size(); p++) {
      int[] counts = panels.get(p);
      for (int t = 0; t < tickets[p]; t++) {
        List<String> ids = new ArrayList<>();
        for (int u = 0; u < units; u++) {
          for (int c = 0; c < counts[u]; c++) {
            ids.add(model.people.get(order[u][next[u]]).id());
            next[u] = (next[u] + 1) % order[u].length;
          }
        }
        result.add(new Panel(ids));
      }
    }
    return new Lottery(result);
  }
}
