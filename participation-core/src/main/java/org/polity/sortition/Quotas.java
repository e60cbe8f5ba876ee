package org.polity.sortition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Deriving quotas from population statistics. For each value of a feature, the target number of
 * seats is its population share times the panel size; the quota is that target rounded down and up,
 * widened by {@code tolerance} seats on each side (clipped to [0, panel size]).
 */
public final class Quotas {

  private Quotas() {}

  /**
   * Quotas proportional to population counts.
   *
   * @param feature feature name, e.g. {@code neighbourhood}
   * @param populationCounts value to number of inhabitants (all {@code >= 0}, not all zero)
   * @param panelSize number of seats
   * @param tolerance seats of slack on each side of the proportional target, {@code >= 0}
   * @return one quota per value, in the map's iteration order
   */
  public static List<Quota> fromPopulation(
      String feature, Map<String, Long> populationCounts, int panelSize, int tolerance) {
    long total = 0;
    for (Map.Entry<String, Long> e : populationCounts.entrySet()) {
      if (e.getValue() == null || e.getValue() < 0) {
        throw new IllegalArgumentException(
            "Population count for "
                + feature
                + "="
                + e.getKey()
                + " is "
                + e.getValue()
                + "; counts must be >= 0.");
      }
      total += e.getValue();
    }
    if (total == 0 || panelSize <= 0 || tolerance < 0) {
      throw new IllegalArgumentException(
          "Cannot derive quotas for "
              + feature
              + ": need a positive population ("
              + total
              + "), a positive panel size ("
              + panelSize
              + ") and tolerance >= 0 ("
              + tolerance
              + ").");
    }
    List<Quota> quotas = new ArrayList<>();
    for (Map.Entry<String, Long> e : populationCounts.entrySet()) {
      double target = (double) e.getValue() * panelSize / total;
      int min = Math.max(0, (int) Math.floor(target + 1e-9) - tolerance);
      int max = Math.min(panelSize, (int) Math.ceil(target - 1e-9) + tolerance);
      quotas.add(Quota.of(feature, e.getKey(), min, Math.max(min, max)));
    }
    return quotas;
  }
}
