package org.polity.counting.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;
import org.polity.counting.CountingOptions;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;
import org.polity.counting.Rational;
import org.polity.counting.Satisfaction;

/**
 * An election compiled for counting: projects by index, identical ballots grouped with their
 * multiplicity, and for each project its supporting groups with the satisfaction weight.
 *
 * <p>The satisfaction of a voter for project p is {@code weight × unit[p]}: for cost satisfaction
 * weight 1 and unit = cost; for cardinality weight 1 and unit 1; for points the points; for Borda
 * the Borda score. A voter "supports" p when the satisfaction is above zero.
 */
final class Profile {
  final Election election;
  final Satisfaction satisfaction;
  final int m;
  final ProjectId[] ids;
  final Rational[] cost;
  final BigDecimal[] costDecimal;
  final Rational budget;
  final long voters;

  /** Position of each project in the tie-breaking order (lower wins). */
  final int[] tieRank;

  final int groups;
  final long[] multiplicity;

  /** Per group: supported project indices and their weights. */
  final int[][] groupProjects;

  final long[][] groupWeights;

  /** Per project: supporting groups and weights. */
  final int[][] supporterGroups;

  final long[][] supporterWeights;

  /** Per project: number of voters whose ballot lists it (set semantics). */
  final long[] approvals;

  /** Per project: Σ multiplicity × weight over supporters. */
  final BigInteger[] totalWeight;

  /** Per project: the unit of satisfaction (cost for cost satisfaction, else 1). */
  final Rational[] unit;

  /** Per project: the number of supporting voters. */
  final long[] supporters;

  /**
   * Most projects a ballot set can have to be grouped by bit mask: one bit per project in a long,
   * bit 63 left unused (the empty key of {@link LongLongMap}).
   */
  static final int MASK_PROJECTS = 63;

  Profile(Election election, CountingOptions options) {
    this(
        election,
        options,
        options.satisfaction() == Satisfaction.COST
            || options.satisfaction() == Satisfaction.CARDINALITY);
  }

  /**
   * Compiles an election.
   *
   * @param masks whether to group ballots by bit mask when the satisfaction gives weight 1 to every
   *     listed project and there are at most {@link #MASK_PROJECTS} projects (the fast path); false
   *     groups them by their (project, weight) pairs, the general path. Both give the same groups,
   *     in the same order (the order of their first ballot).
   */
  Profile(Election election, CountingOptions options, boolean masks) {
    this.election = election;
    this.satisfaction = options.satisfaction();
    List<ElectionProject> projects = election.projects();
    m = projects.size();
    ids = new ProjectId[m];
    cost = new Rational[m];
    costDecimal = new BigDecimal[m];
    unit = new Rational[m];
    Map<ProjectId, Integer> index = new HashMap<>();
    for (int i = 0; i < m; i++) {
      ElectionProject p = projects.get(i);
      ids[i] = p.id();
      costDecimal[i] = p.cost();
      cost[i] = Rational.of(p.cost());
      unit[i] = satisfaction == Satisfaction.COST ? cost[i] : Rational.ONE;
      index.put(p.id(), i);
    }
    budget = Rational.of(election.budget());
    voters = election.ballots().size();
    Integer[] order = new Integer[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    Comparator<ElectionProject> tie = options.tieBreaking().order(election);
    Arrays.sort(order, (a, b) -> tie.compare(projects.get(a), projects.get(b)));
    tieRank = new int[m];
    for (int r = 0; r < m; r++) {
      tieRank[order[r]] = r;
    }

    approvals = new long[m];
    List<long[]> groupPairs = new ArrayList<>();
    long[] counts =
        masks
            ? groupByMask(election.ballots(), index, groupPairs)
            : groupByPairs(election.ballots(), index, groupPairs);
    groups = groupPairs.size();
    multiplicity = new long[groups];
    groupProjects = new int[groups][];
    groupWeights = new long[groups][];
    int[] supporterCount = new int[m];
    for (int g = 0; g < groups; g++) {
      multiplicity[g] = counts[g];
      long[] pairs = groupPairs.get(g);
      groupProjects[g] = new int[pairs.length / 2];
      groupWeights[g] = new long[pairs.length / 2];
      for (int i = 0; i < pairs.length / 2; i++) {
        groupProjects[g][i] = (int) pairs[2 * i];
        groupWeights[g][i] = pairs[2 * i + 1];
        supporterCount[(int) pairs[2 * i]]++;
      }
    }
    supporterGroups = new int[m][];
    supporterWeights = new long[m][];
    for (int p = 0; p < m; p++) {
      supporterGroups[p] = new int[supporterCount[p]];
      supporterWeights[p] = new long[supporterCount[p]];
    }
    int[] fill = new int[m];
    totalWeight = new BigInteger[m];
    long[] total = new long[m];
    supporters = new long[m];
    for (int g = 0; g < groups; g++) {
      for (int i = 0; i < groupProjects[g].length; i++) {
        int p = groupProjects[g][i];
        supporterGroups[p][fill[p]] = g;
        supporterWeights[p][fill[p]] = groupWeights[g][i];
        fill[p]++;
        total[p] = Math.addExact(total[p], Math.multiplyExact(multiplicity[g], groupWeights[g][i]));
        supporters[p] += multiplicity[g];
      }
    }
    for (int p = 0; p < m; p++) {
      totalWeight[p] = BigInteger.valueOf(total[p]);
    }
  }

  private boolean[] cachedTracked;
  private LongLongMap[] cachedSlots;
  private boolean cachedPerGroup;

  /** The initial supporter slots for a set of tracked projects, computed once per set. */
  synchronized LongLongMap[] initialSlots(boolean[] tracked) {
    boolean perGroup = groups <= Partition.perGroupLimit();
    if (cachedTracked == null
        || !Arrays.equals(cachedTracked, tracked)
        || cachedPerGroup != perGroup) {
      cachedPerGroup = perGroup;
      cachedSlots = Partition.initialSlots(this, tracked);
      cachedTracked = tracked.clone();
    }
    return cachedSlots;
  }

  /** Total satisfaction of project p over all voters. */
  Rational totalSatisfaction(int p) {
    return unit[p].times(Rational.of(totalWeight[p]));
  }

  /**
   * Groups ballots by their (project, weight) pairs: the general path. Fills the groups' pairs in
   * order of first appearance and the approvals; returns the multiplicity of each group.
   */
  private long[] groupByPairs(
      List<Ballot> ballots, Map<ProjectId, Integer> index, List<long[]> groupPairs) {
    // Sized for many distinct ballots up front: rehashing hundreds of thousands of keys costs more.
    Map<Key, Integer> groupIndex = new HashMap<>((int) Math.min(voters + voters / 3 + 16, 1 << 21));
    long[] counts = new long[16];
    for (Ballot ballot : ballots) {
      long[] pairs = pairs(ballot, index);
      for (int i = 0; i < pairs.length; i += 2) {
        approvals[(int) pairs[i]]++;
      }
      long[] supported = supported(pairs);
      Key key = new Key(supported);
      Integer g = groupIndex.get(key);
      if (g == null) {
        g = groupPairs.size();
        groupIndex.put(key, g);
        groupPairs.add(supported);
        if (g == counts.length) {
          counts = Arrays.copyOf(counts, 2 * g);
        }
      }
      counts[g]++;
    }
    return counts;
  }

  /**
   * Groups ballots by the set of projects they list, as a bit mask (weight 1 per listed project, at
   * most {@link #MASK_PROJECTS} projects): no per-ballot array, key object or boxing; the same
   * groups in the same order as {@link #groupByPairs}.
   */
  private long[] groupByMask(
      List<Ballot> ballots, Map<ProjectId, Integer> index, List<long[]> groupPairs) {
    if (m > MASK_PROJECTS
        || satisfaction != Satisfaction.COST && satisfaction != Satisfaction.CARDINALITY) {
      return groupByPairs(ballots, index, groupPairs);
    }
    LongLongMap groupIndex = new LongLongMap(1024); // mask -> group + 1
    long[] counts = new long[16];
    for (Ballot ballot : ballots) {
      long mask = 0;
      for (ProjectId id : ballot.projects()) {
        mask |= 1L << index.get(id);
      }
      for (long rest = mask; rest != 0; rest &= rest - 1) {
        approvals[Long.numberOfTrailingZeros(rest)]++;
      }
      int g = (int) groupIndex.get(mask) - 1;
      if (g < 0) {
        g = groupPairs.size();
        groupIndex.add(mask, g + 1);
        long[] pairs = new long[2 * Long.bitCount(mask)];
        int at = 0;
        for (long rest = mask; rest != 0; rest &= rest - 1) {
          pairs[at++] = Long.numberOfTrailingZeros(rest);
          pairs[at++] = 1L;
        }
        groupPairs.add(pairs);
        if (g == counts.length) {
          counts = Arrays.copyOf(counts, 2 * g);
        }
      }
      counts[g]++;
    }
    return counts;
  }

  /** (project, weight) pairs of a ballot, sorted by project, for the satisfaction measure. */
  private long[] pairs(Ballot ballot, Map<ProjectId, Integer> index) {
    if (satisfaction == Satisfaction.COST || satisfaction == Satisfaction.CARDINALITY) {
      // Weight 1 per listed project: sorted distinct indices, without boxing.
      java.util.Set<ProjectId> listed = ballot.projects();
      int[] indices = new int[listed.size()];
      int n = 0;
      for (ProjectId id : listed) {
        indices[n++] = index.get(id);
      }
      Arrays.sort(indices, 0, n);
      long[] pairs = new long[2 * n];
      int size = 0;
      for (int i = 0; i < n; i++) {
        if (i == 0 || indices[i] != indices[i - 1]) {
          pairs[size++] = indices[i];
          pairs[size++] = 1L;
        }
      }
      return size == pairs.length ? pairs : Arrays.copyOf(pairs, size);
    }
    Map<Integer, Long> weights = new java.util.TreeMap<>();
    switch (satisfaction) {
      case COST, CARDINALITY -> {
        for (ProjectId id : ballot.projects()) {
          weights.put(index.get(id), 1L);
        }
      }
      case POINTS -> {
        Map<ProjectId, Integer> points;
        if (ballot instanceof Ballot.Cumulative c) {
          points = c.points();
        } else if (ballot instanceof Ballot.Cardinal c) {
          points = c.scores();
        } else {
          throw new IllegalArgumentException(
              "Points satisfaction needs cumulative or scoring ballots, but a ballot is "
                  + ballot.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                  + ": use cost or cardinality satisfaction.");
        }
        points.forEach((id, value) -> weights.put(index.get(id), (long) value));
      }
      case BORDA -> {
        if (!(ballot instanceof Ballot.Ordinal ordinal)) {
          throw new IllegalArgumentException(
              "Borda satisfaction needs ordinal (ranking) ballots, but a ballot is "
                  + ballot.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)
                  + ": use cost or cardinality satisfaction.");
        }
        List<ProjectId> ranking = ordinal.ranking();
        int length = ranking.size();
        for (int k = 0; k < length; k++) {
          weights.put(index.get(ranking.get(k)), (long) (length - k - 1));
        }
      }
      default -> throw new IllegalStateException("Unknown satisfaction " + satisfaction);
    }
    long[] pairs = new long[weights.size() * 2];
    int i = 0;
    for (Map.Entry<Integer, Long> e : weights.entrySet()) {
      pairs[i++] = e.getKey();
      pairs[i++] = e.getValue();
    }
    return pairs;
  }

  private static long[] supported(long[] pairs) {
    int count = 0;
    for (int i = 1; i < pairs.length; i += 2) {
      if (pairs[i] > 0) {
        count++;
      }
    }
    if (count * 2 == pairs.length) {
      return pairs; // every listed project is supported (pairs are never changed afterwards)
    }
    long[] out = new long[count * 2];
    int j = 0;
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] > 0) {
        out[j++] = pairs[i];
        out[j++] = pairs[i + 1];
      }
    }
    return out;
  }

  private record Key(long[] pairs) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(pairs, k.pairs);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(pairs);
    }
  }
}
