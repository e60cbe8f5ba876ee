package org.polity.sortition;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Pools of the same shape as the shared assembly pool ({@code
 * derived/assembly_1200_100_{people,features}.csv}: 1,200 respondents, panel of 100, quotas on
 * district, gender, age, language, education and occupation) but larger, for benchmarks of issue
 * 15.
 *
 * <p>How a pool of {@code n} respondents is made, deterministically from {@code seed}: each new
 * respondent {@code g0..g(n-1)} copies a respondent of the shared pool drawn uniformly with
 * replacement; then each of its features except {@code district} is, with probability {@link
 * #PERTURB}, replaced by that feature's value in another respondent of the shared pool drawn
 * uniformly. The features' shares in the pool stay those of the shared pool (so the same quotas
 * stay feasible and bind as hard), while new combinations appear and the number of distinct
 * profiles grows with {@code n} (the shared pool has 669 for 1,200 respondents). The quotas are the
 * shared pool's, unchanged.
 */
public final class AssemblyPools {

  /** Probability that one feature of a copied respondent is redrawn. */
  public static final double PERTURB = 0.15;

  private AssemblyPools() {}

  /**
   * The shared assembly pool itself.
   *
   * @return the problem (panel of 100, no household rule)
   * @throws IOException if the shared files cannot be read
   */
  static SelectionProblem shared() throws IOException {
    return SortitionFixtures.derivedProblem("assembly_1200_100", 100);
  }

  /**
   * A larger pool of the same shape.
   *
   * @param base the shared assembly problem ({@link #shared()})
   * @param n number of respondents
   * @param seed random seed
   * @return the problem with the base's quotas and panel size
   */
  public static SelectionProblem generate(SelectionProblem base, int n, long seed) {
    List<Respondent> source = base.pool().respondents();
    Random random = new Random(seed);
    List<Respondent> people = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Respondent copied = source.get(random.nextInt(source.size()));
      Map<String, String> columns = new LinkedHashMap<>(copied.columns());
      for (String feature : base.features()) {
        if (!feature.equals("district") && random.nextDouble() < PERTURB) {
          columns.put(feature, source.get(random.nextInt(source.size())).value(feature));
        }
      }
      columns.put("id", "g" + i);
      people.add(new Respondent("g" + i, columns));
    }
    return new SelectionProblem(
        Pool.of(people), base.panelSize(), base.quotas(), HouseholdRule.none());
  }
}
