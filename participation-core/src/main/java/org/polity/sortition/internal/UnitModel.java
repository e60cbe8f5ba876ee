package org.polity.sortition.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.polity.sortition.Quota;
import org.polity.sortition.Respondent;
import org.polity.sortition.SelectionProblem;

/**
 * The pool grouped into interchangeable "units": respondents with the same value of every
 * stratification feature and no housemate in the pool are exchangeable, so a fair distribution
 * gives them the same probability (the LEXIMIN vector is unique, hence symmetric; a symmetric
 * maximin optimum exists). A panel is then a vector of counts per unit. Respondents who share an
 * address with someone else in the pool are units of one, tied by a household constraint.
 */
public final class UnitModel {

  final SelectionProblem problem;
  final List<Respondent> people;
  final int panelSize;

  /** Person indices per unit, in pool order. */
  final int[][] members;

  /** Unit of each person. */
  final int[] unitOfPerson;

  /** For each quota, the units whose members have its value. */
  final int[][] quotaUnits;

  /** Groups of units (each a single person) sharing an address, size at least 2. */
  final List<int[]> households;

  /**
   * Groups the pool of a problem.
   *
   * @param problem the selection problem
   */
  public UnitModel(SelectionProblem problem) {
    this(problem, true);
  }

  /**
   * One unit per respondent, without grouping: for benchmarks that measure what grouping saves (and
   * the worst case of a pool where every respondent has a distinct profile).
   *
   * @param problem the selection problem
   * @return the ungrouped model
   */
  public static UnitModel individuals(SelectionProblem problem) {
    return new UnitModel(problem, false);
  }

  private UnitModel(SelectionProblem problem, boolean group) {
    this.problem = problem;
    this.people = problem.pool().respondents();
    this.panelSize = problem.panelSize();
    List<String> features = problem.features();
    Map<String, List<Integer>> byHousehold = new LinkedHashMap<>();
    if (problem.householdRule().active()) {
      for (int i = 0; i < people.size(); i++) {
        byHousehold
            .computeIfAbsent(problem.householdRule().key(people.get(i)), k -> new ArrayList<>())
            .add(i);
      }
    }
    Map<String, Integer> unitByProfile = new HashMap<>();
    List<List<Integer>> units = new ArrayList<>();
    unitOfPerson = new int[people.size()];
    for (int i = 0; i < people.size(); i++) {
      Respondent r = people.get(i);
      boolean shared =
          !group
              || problem.householdRule().active()
                  && byHousehold.get(problem.householdRule().key(r)).size() > 1;
      Integer unit = null;
      String profile = null;
      if (!shared) {
        StringBuilder sb = new StringBuilder();
        for (String f : features) {
          sb.append(r.value(f)).append('\u001f');
        }
        profile = sb.toString();
        unit = unitByProfile.get(profile);
      }
      if (unit == null) {
        unit = units.size();
        units.add(new ArrayList<>());
        if (profile != null) {
          unitByProfile.put(profile, unit);
        }
      }
      units.get(unit).add(i);
      unitOfPerson[i] = unit;
    }
    members = new int[units.size()][];
    for (int u = 0; u < units.size(); u++) {
      members[u] = units.get(u).stream().mapToInt(Integer::intValue).toArray();
    }
    List<Quota> quotas = problem.quotas();
    quotaUnits = new int[quotas.size()][];
    for (int q = 0; q < quotas.size(); q++) {
      Quota quota = quotas.get(q);
      List<Integer> in = new ArrayList<>();
      for (int u = 0; u < members.length; u++) {
        if (people.get(members[u][0]).value(quota.feature()).equals(quota.value())) {
          in.add(u);
        }
      }
      quotaUnits[q] = in.stream().mapToInt(Integer::intValue).toArray();
    }
    households = new ArrayList<>();
    for (List<Integer> h : byHousehold.values()) {
      if (h.size() > 1) {
        households.add(h.stream().mapToInt(i -> unitOfPerson[i]).toArray());
      }
    }
  }

  /**
   * @return number of units
   */
  public int unitCount() {
    return members.length;
  }

  /**
   * @param unit a unit
   * @return its number of members
   */
  public int size(int unit) {
    return members[unit].length;
  }

  /**
   * Whether a vector of counts per unit is an acceptable panel.
   *
   * @param counts seats per unit
   * @return true if size, quotas, capacities and households are respected
   */
  public boolean feasible(int[] counts) {
    int total = 0;
    for (int u = 0; u < counts.length; u++) {
      if (counts[u] < 0 || counts[u] > members[u].length) {
        return false;
      }
      total += counts[u];
    }
    if (total != panelSize) {
      return false;
    }
    List<Quota> quotas = problem.quotas();
    for (int q = 0; q < quotaUnits.length; q++) {
      int n = 0;
      for (int u : quotaUnits[q]) {
        n += counts[u];
      }
      if (n < quotas.get(q).min() || n > quotas.get(q).max()) {
        return false;
      }
    }
    for (int[] h : households) {
      int n = 0;
      for (int u : h) {
        n += counts[u];
      }
      if (n > 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * Per-person probabilities from per-unit member probabilities.
   *
   * @param unitProbability probability of each member of each unit
   * @return probability per person, in pool order
   */
  public double[] personProbabilities(double[] unitProbability) {
    double[] p = new double[people.size()];
    for (int i = 0; i < p.length; i++) {
      p[i] = unitProbability[unitOfPerson[i]];
    }
    return p;
  }
}
