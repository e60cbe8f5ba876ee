package org.polity.counting.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polity.counting.Rational;

/**
 * Voters (as groups of identical ballots) partitioned into classes that share one value: the money
 * left (Method of Equal Shares) or the load (Phragmén). Voters with identical ballots always hold
 * identical values, and so do voters whose funded projects got the same payments; keeping one
 * value per class instead of one per voter is what makes the rules fast on large elections.
 *
 * <p>For each project, {@code slots[p]} counts its supporters per (class, weight).
 */
final class Partition {
  private static final int WEIGHT_BITS = 31;
  private static final long WEIGHT_MASK = (1L << WEIGHT_BITS) - 1;

  final Profile profile;
  Rational[] value;
  /** value[c] as a double, for fast filters with safety margins. */
  double[] approx;
  long[] count;
  int classes;
  final int[] groupClass;
  final LongLongMap[] slots;
  final boolean[] tracked;
  private final Map<Rational, Integer> classOfValue = new HashMap<>();

  Partition(Profile profile, Rational initial, boolean[] tracked) {
    this.profile = profile;
    this.tracked = tracked;
    value = new Rational[16];
    approx = new double[16];
    count = new long[16];
    classes = 1;
    value[0] = initial;
    approx[0] = initial.doubleValue();
    long total = 0;
    for (long mult : profile.multiplicity) {
      total += mult;
    }
    count[0] = total;
    classOfValue.put(initial, 0);
    groupClass = new int[profile.groups];
    slots = new LongLongMap[profile.m];
    for (int p = 0; p < profile.m; p++) {
      if (!tracked[p]) {
        continue;
      }
      LongLongMap map = new LongLongMap(4);
      long[] weights = profile.supporterWeights[p];
      int[] groups = profile.supporterGroups[p];
      for (int i = 0; i < groups.length; i++) {
        checkWeight(weights[i]);
        map.add(key(0, weights[i]), profile.multiplicity[groups[i]]);
      }
      slots[p] = map;
    }
  }

  private static void checkWeight(long weight) {
    if (weight > WEIGHT_MASK) {
      throw new IllegalArgumentException(
          "A satisfaction weight of " + weight + " is too large to count: points above 2^31 are not supported.");
    }
  }

  static long key(int cls, long weight) {
    return ((long) cls << WEIGHT_BITS) | weight;
  }

  static int classOf(long key) {
    return (int) (key >>> WEIGHT_BITS);
  }

  static long weightOf(long key) {
    return key & WEIGHT_MASK;
  }

  /** The supporters of p: entries {class, weight, count} with count above zero. */
  List<long[]> entries(int p) {
    LongLongMap map = slots[p];
    List<long[]> out = new ArrayList<>(map.size);
    for (int i = 0; i < map.keys.length; i++) {
      if (map.isSlot(i)) {
        long k = map.keys[i];
        out.add(new long[] {classOf(k), weightOf(k), map.values[i]});
      }
    }
    return out;
  }

  /** Σ count × value over the supporters of p, approximately (relative error far below 1e-9). */
  double approxTotal(int p) {
    double sum = 0;
    LongLongMap map = slots[p];
    for (int i = 0; i < map.keys.length; i++) {
      if (map.isSlot(i)) {
        sum += approx[classOf(map.keys[i])] * map.values[i];
      }
    }
    return sum;
  }

  /** Σ count × value over the supporters of p. */
  Rational supportersTotal(int p) {
    Rational sum = Rational.ZERO;
    LongLongMap map = slots[p];
    for (int i = 0; i < map.keys.length; i++) {
      if (map.isSlot(i)) {
        sum = sum.plus(value[classOf(map.keys[i])].times(map.values[i]));
      }
    }
    return sum;
  }

  /**
   * Gives every supporter of p a new value that depends on its old value and its weight for p:
   * classes wholly inside the supporters (with one weight) change in place, the others split.
   */
  void update(int p, java.util.function.BiFunction<Rational, Long, Rational> newValue) {
    stopTracking(p);
    List<long[]> entries = entries(p);
    Map<Integer, long[]> perClass = new HashMap<>();
    for (long[] e : entries) {
      long[] agg = perClass.computeIfAbsent((int) e[0], c -> new long[2]);
      agg[0] += e[2];
      agg[1]++;
    }
    Map<Long, Integer> moveTo = new HashMap<>();
    for (long[] e : entries) {
      int c = (int) e[0];
      long[] agg = perClass.get(c);
      Rational updated = newValue.apply(value[c], e[1]);
      if (agg[0] == count[c] && agg[1] == 1) {
        if (classOfValue.get(value[c]) != null && classOfValue.get(value[c]) == c) {
          classOfValue.remove(value[c]);
        }
        value[c] = updated;
        approx[c] = updated.doubleValue();
        classOfValue.putIfAbsent(updated, c);
      } else {
        Integer target = classOfValue.get(updated);
        if (target == null || perClass.containsKey(target) || !value[target].equals(updated)) {
          target = newClass(updated);
        }
        count[target] += e[2];
        count[c] -= e[2];
        moveTo.put(key(c, e[1]), target);
      }
    }
    if (moveTo.isEmpty()) {
      return;
    }
    int[] groups = profile.supporterGroups[p];
    long[] weights = profile.supporterWeights[p];
    for (int i = 0; i < groups.length; i++) {
      int g = groups[i];
      int c = groupClass[g];
      Integer target = moveTo.get(key(c, weights[i]));
      if (target == null) {
        continue;
      }
      groupClass[g] = target;
      long mult = profile.multiplicity[g];
      int[] projects = profile.groupProjects[g];
      long[] ws = profile.groupWeights[g];
      for (int k = 0; k < projects.length; k++) {
        int q = projects[k];
        if (tracked[q]) {
          slots[q].add(key(c, ws[k]), -mult);
          slots[q].add(key(target, ws[k]), mult);
        }
      }
    }
  }

  void stopTracking(int p) {
    tracked[p] = false;
  }

  private int newClass(Rational v) {
    if (classes == value.length) {
      value = Arrays.copyOf(value, classes * 2);
      approx = Arrays.copyOf(approx, classes * 2);
      count = Arrays.copyOf(count, classes * 2);
    }
    value[classes] = v;
    approx[classes] = v.doubleValue();
    count[classes] = 0;
    classOfValue.put(v, classes);
    return classes++;
  }
}
