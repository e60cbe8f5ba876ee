package org.polity.counting.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polity.counting.Rational;

/**
 * Voters (as groups of identical ballots) partitioned into classes that share one value: the money
 * left (Method of Equal Shares) or the load (Phragmén). Voters with identical ballots always hold
 * identical values, and so do voters whose funded projects got the same payments; keeping one value
 * per class instead of one per voter is what makes the rules fast on large elections.
 *
 * <p>For each project, {@code slots[p]} counts its supporters per (class, weight).
 */
final class Partition {
  private static final int WEIGHT_BITS = 31;
  private static final long WEIGHT_MASK = (1L << WEIGHT_BITS) - 1;

  final Profile profile;

  /**
   * The value of class c is num[c] / den: one common denominator, so no fraction is ever reduced.
   */
  BigInteger[] num;

  BigInteger den;

  /** num[c] / den as a double, for fast filters with safety margins. */
  double[] approx;

  private final BigInteger[] costNum;
  private BigInteger costDen = null;
  long[] count;
  int classes;
  final int[] groupClass;
  final LongLongMap[] slots;
  final boolean[] tracked;
  private final Map<BigInteger, Integer> classOfValue = new HashMap<>();

  /**
   * When there are few distinct ballots, each group is its own class for good: nothing ever splits
   * or moves, and updates are in place. Classes shared by many groups pay off only when ballots are
   * many and varied.
   */
  final boolean perGroup;

  /**
   * Groups up to which each group keeps its own class: 4096, or the system property {@code
   * polity.counting.perGroupLimit} (a speed knob for tests and benchmarks; results do not depend on
   * it).
   */
  static int perGroupLimit() {
    return Integer.getInteger("polity.counting.perGroupLimit", 4096);
  }

  /**
   * Per class, how its value grows with the money each voter starts with (d value / d start), when
   * {@link #tracksSlopes()}: the Add1 completion uses it to find how far the outcome stays the
   * same. Null otherwise. Every slope is a sum of non-negative terms, so its relative rounding
   * error is far below 1e-9.
   */
  double[] slopeD;

  /**
   * Per class, when slopes are tracked, an identifier of how its voters paid (for which project,
   * with which weight, in full or not): classes with one history have one slope, so classes merge
   * only when both value and history are equal. 0 for voters who gave everything (slope 0).
   */
  long[] history;

  private long histories = 1;

  /** How a supporter's slope changes when it pays for a project. */
  interface SlopeRule {
    /** Whether a supporter with this value and weight pays all it has. */
    boolean paysAll(BigInteger value, long weight);

    /** The slope of a supporter who keeps some money, from its slope and weight. */
    double slopeAfter(double slope, long weight);
  }

  Partition(Profile profile, Rational initial, boolean[] tracked) {
    this(profile, initial, tracked, false);
  }

  /**
   * Starts every voter with the same value.
   *
   * @param slopes whether to track each class's slope against the starting value (all start at 1)
   */
  Partition(Profile profile, Rational initial, boolean[] tracked, boolean slopes) {
    this.profile = profile;
    this.tracked = tracked;
    BigInteger d = initial.denominator();
    for (Rational c : profile.cost) {
      d = lcm(d, c.denominator());
    }
    den = d;
    perGroup = profile.groups <= perGroupLimit();
    int size = perGroup ? Math.max(1, profile.groups) : 16;
    num = new BigInteger[size];
    approx = new double[size];
    count = new long[size];
    BigInteger start = initial.numerator().multiply(den.divide(initial.denominator()));
    double startApprox = initial.doubleValue();
    costNum = new BigInteger[profile.m];
    groupClass = new int[profile.groups];
    if (perGroup) {
      classes = profile.groups;
      for (int g = 0; g < profile.groups; g++) {
        num[g] = start;
        approx[g] = startApprox;
        count[g] = profile.multiplicity[g];
        groupClass[g] = g;
      }
    } else {
      classes = 1;
      num[0] = start;
      approx[0] = startApprox;
      long total = 0;
      for (long mult : profile.multiplicity) {
        total += mult;
      }
      count[0] = total;
      classOfValue.put(num[0], 0);
    }
    if (slopes) {
      slopeD = new double[size];
      history = new long[size];
      Arrays.fill(slopeD, 1.0);
      Arrays.fill(history, 1L);
    }
    slots = new LongLongMap[profile.m];
    LongLongMap[] template = profile.initialSlots(tracked);
    for (int p = 0; p < profile.m; p++) {
      if (tracked[p]) {
        slots[p] = template[p].copy();
      }
    }
  }

  /**
   * The supporters of each tracked project at the start of every run: all in class 0, or each group
   * in its own class when {@link #perGroup}.
   */
  static LongLongMap[] initialSlots(Profile profile, boolean[] tracked) {
    LongLongMap[] slots = new LongLongMap[profile.m];
    for (int p = 0; p < profile.m; p++) {
      if (!tracked[p]) {
        continue;
      }
      LongLongMap map = new LongLongMap(4);
      long[] weights = profile.supporterWeights[p];
      int[] groups = profile.supporterGroups[p];
      boolean perGroup = profile.groups <= perGroupLimit();
      for (int i = 0; i < groups.length; i++) {
        checkWeight(weights[i]);
        map.add(key(perGroup ? groups[i] : 0, weights[i]), profile.multiplicity[groups[i]]);
      }
      slots[p] = map;
    }
    return slots;
  }

  private static void checkWeight(long weight) {
    if (weight > WEIGHT_MASK) {
      throw new IllegalArgumentException(
          "A satisfaction weight of "
              + weight
              + " is too large to count: points above 2^31 are not supported.");
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
        sum = sum.plus(value(classOf(map.keys[i])).times(map.values[i]));
      }
    }
    return sum;
  }

  /** Σ count × num over the supporters of p (over {@link #den}). */
  BigInteger supportersTotalNum(int p) {
    BigInteger sum = BigInteger.ZERO;
    LongLongMap map = slots[p];
    for (int i = 0; i < map.keys.length; i++) {
      if (map.isSlot(i)) {
        sum = sum.add(num[classOf(map.keys[i])].multiply(BigInteger.valueOf(map.values[i])));
      }
    }
    return sum;
  }

  /** The value of a class as a fraction. */
  Rational value(int c) {
    return Rational.of(num[c], den);
  }

  /** The cost of p as a numerator over {@link #den}. */
  BigInteger costNum(int p) {
    if (costDen != den) {
      java.util.Arrays.fill(costNum, null);
      costDen = den;
    }
    if (costNum[p] == null) {
      Rational c = profile.cost[p];
      costNum[p] = c.numerator().multiply(den.divide(c.denominator()));
    }
    return costNum[p];
  }

  /** Multiplies the common denominator (and every numerator) by f. */
  void rescale(long f) {
    if (f == 1) {
      return;
    }
    BigInteger factor = BigInteger.valueOf(f);
    den = den.multiply(factor);
    if (perGroup) {
      for (int c = 0; c < classes; c++) {
        num[c] = num[c].multiply(factor);
      }
      return;
    }
    classOfValue.clear();
    for (int c = 0; c < classes; c++) {
      if (count[c] == 0) {
        num[c] = BigInteger.ZERO; // an empty class: its value no longer matters
        continue;
      }
      num[c] = num[c].multiply(factor);
      classOfValue.putIfAbsent(num[c], c);
    }
  }

  private static BigInteger lcm(BigInteger a, BigInteger b) {
    return a.divide(a.gcd(b)).multiply(b);
  }

  static double ratio(BigInteger n, BigInteger d) {
    return Rational.ratio(n, d);
  }

  /**
   * Gives every supporter of p a new value that depends on its old value and its weight for p:
   * classes wholly inside the supporters (with one weight) change in place, the others split.
   */
  void update(int p, java.util.function.BiFunction<BigInteger, Long, BigInteger> newValue) {
    update(p, newValue, null);
  }

  /** Whether each class's slope against the starting value is tracked. */
  boolean tracksSlopes() {
    return slopeD != null;
  }

  /**
   * As {@link #update(int, java.util.function.BiFunction)}, also giving each supporter its new
   * slope when {@link #tracksSlopes()} and {@code rule} is given.
   */
  void update(
      int p, java.util.function.BiFunction<BigInteger, Long, BigInteger> newValue, SlopeRule rule) {
    stopTracking(p);
    boolean slopes = slopeD != null && rule != null;
    Map<List<Long>, Long> newHistory = new HashMap<>();
    if (perGroup) {
      LongLongMap map = slots[p];
      for (int i = 0; i < map.keys.length; i++) {
        if (map.isSlot(i)) {
          int c = classOf(map.keys[i]);
          if (slopes) {
            long w = weightOf(map.keys[i]);
            slopeD[c] = rule.paysAll(num[c], w) ? 0 : rule.slopeAfter(slopeD[c], w);
          }
          num[c] = newValue.apply(num[c], weightOf(map.keys[i]));
          approx[c] = ratio(num[c], den);
        }
      }
      return;
    }
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
      BigInteger updated = newValue.apply(num[c], e[1]);
      double updatedSlope = 0;
      long updatedHistory = 0;
      if (slopes && !rule.paysAll(num[c], e[1])) {
        updatedSlope = rule.slopeAfter(slopeD[c], e[1]);
        updatedHistory = newHistory.computeIfAbsent(List.of(history[c], e[1]), k -> ++histories);
      }
      if (agg[0] == count[c] && agg[1] == 1) {
        if (classOfValue.get(num[c]) != null && classOfValue.get(num[c]) == c) {
          classOfValue.remove(num[c]);
        }
        num[c] = updated;
        if (slopes) {
          slopeD[c] = updatedSlope;
          history[c] = updatedHistory;
        }
        approx[c] = ratio(updated, den);
        classOfValue.putIfAbsent(updated, c);
      } else {
        Integer target = classOfValue.get(updated);
        if (target == null
            || perClass.containsKey(target)
            || count[target] == 0
            || !num[target].equals(updated)
            || (slopes && history[target] != updatedHistory)) {
          target = newClass(updated);
          if (slopes) {
            slopeD[target] = updatedSlope;
            history[target] = updatedHistory;
          }
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

  private int newClass(BigInteger v) {
    if (classes == num.length) {
      num = Arrays.copyOf(num, classes * 2);
      approx = Arrays.copyOf(approx, classes * 2);
      count = Arrays.copyOf(count, classes * 2);
      if (slopeD != null) {
        slopeD = Arrays.copyOf(slopeD, classes * 2);
        history = Arrays.copyOf(history, classes * 2);
      }
    }
    num[classes] = v;
    approx[classes] = ratio(v, den);
    count[classes] = 0;
    classOfValue.put(v, classes);
    return classes++;
  }
}
