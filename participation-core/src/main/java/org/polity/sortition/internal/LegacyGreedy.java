package org.polity.sortition.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.polity.sortition.Quota;
import org.polity.sortition.Respondent;
import org.polity.sortition.SelectionProblem;

/**
 * The legacy greedy method, as the Sortition Foundation used it before 2021 (described in the
 * Nature paper's methods): seat by seat, take the category (feature value) with the highest ratio
 * {@code (min - seated) / remaining candidates}, ties broken at random, and seat a uniformly random
 * remaining candidate of it; then remove the seated person's housemates and every candidate of a
 * category that reached its maximum. A draw fails if a minimum can no longer be reached; failed
 * draws are retried (as the legacy tool did).
 */
public final class LegacyGreedy {

  private final SelectionProblem problem;
  private final List<Respondent> people;
  private final int[][] categoriesOf;
  private final int[][] membersOf;
  private final int[][] housemates;

  /**
   * @param problem the problem
   */
  public LegacyGreedy(SelectionProblem problem) {
    this.problem = problem;
    this.people = problem.pool().respondents();
    List<Quota> quotas = problem.quotas();
    categoriesOf = new int[people.size()][];
    List<List<Integer>> members = new ArrayList<>();
    for (int q = 0; q < quotas.size(); q++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < people.size(); i++) {
      List<Integer> cats = new ArrayList<>();
      for (int q = 0; q < quotas.size(); q++) {
        if (people.get(i).value(quotas.get(q).feature()).equals(quotas.get(q).value())) {
          cats.add(q);
          members.get(q).add(i);
        }
      }
      categoriesOf[i] = cats.stream().mapToInt(Integer::intValue).toArray();
    }
    membersOf = new int[quotas.size()][];
    for (int q = 0; q < quotas.size(); q++) {
      membersOf[q] = members.get(q).stream().mapToInt(Integer::intValue).toArray();
    }
    housemates = new int[people.size()][];
    Map<String, List<Integer>> households = new HashMap<>();
    if (problem.householdRule().active()) {
      for (int i = 0; i < people.size(); i++) {
        households
            .computeIfAbsent(problem.householdRule().key(people.get(i)), k -> new ArrayList<>())
            .add(i);
      }
    }
    for (int i = 0; i < people.size(); i++) {
      List<Integer> h =
          problem.householdRule().active()
              ? households.get(problem.householdRule().key(people.get(i)))
              : List.of(i);
      housemates[i] = h.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * One legacy draw.
   *
   * @param random the source of randomness
   * @return the indices (pool order) of the panel, or empty if the draw got stuck
   */
  public Optional<int[]> draw(Random random) {
    List<Quota> quotas = problem.quotas();
    int q = quotas.size();
    boolean[] alive = new boolean[people.size()];
    java.util.Arrays.fill(alive, true);
    int[] remaining = new int[q];
    int[] seated = new int[q];
    for (int c = 0; c < q; c++) {
      remaining[c] = membersOf[c].length;
    }
    int[] panel = new int[problem.panelSize()];
    for (int seat = 0; seat < panel.length; seat++) {
      int best = -1;
      double bestRatio = Double.NEGATIVE_INFINITY;
      int ties = 0;
      for (int c = 0; c < q; c++) {
        if (remaining[c] == 0) {
          if (seated[c] < quotas.get(c).min()) {
            return Optional.empty();
          }
          continue;
        }
        double ratio = (double) (quotas.get(c).min() - seated[c]) / remaining[c];
        if (ratio > bestRatio) {
          bestRatio = ratio;
          best = c;
          ties = 1;
        } else if (ratio == bestRatio && random.nextInt(++ties) == 0) {
          best = c;
        }
      }
      if (best < 0 || bestRatio > 1) {
        return Optional.empty();
      }
      int pick = random.nextInt(remaining[best]);
      int person = -1;
      for (int i : membersOf[best]) {
        if (alive[i] && pick-- == 0) {
          person = i;
          break;
        }
      }
      panel[seat] = person;
      for (int c : categoriesOf[person]) {
        seated[c]++;
      }
      for (int mate : housemates[person]) {
        remove(mate, alive, remaining);
      }
      remove(person, alive, remaining);
      for (int c : categoriesOf[person]) {
        if (seated[c] >= quotas.get(c).max()) {
          for (int i : membersOf[c]) {
            remove(i, alive, remaining);
          }
        }
      }
    }
    for (int c = 0; c < q; c++) {
      if (seated[c] < quotas.get(c).min()) {
        return Optional.empty();
      }
    }
    return Optional.of(panel);
  }

  private void remove(int person, boolean[] alive, int[] remaining) {
    if (alive[person]) {
      alive[person] = false;
      for (int c : categoriesOf[person]) {
        remaining[c]--;
      }
    }
  }
}
