package org.polity.sortition.internal;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.polity.sortition.*;

class SpikeTest {
  @Test
  void spike() throws Exception {
    Path d = Path.of(System.getProperty("polity.shared.dir"), "sortition/derived");
    for (String[] c : new String[][] {{"example_small_20", "20"}, {"scaled_700_100", "100"}}) {
      Pool pool = SortitionCsv.readPeople(d.resolve(c[0] + "_people.csv"), "id");
      var quotas = SortitionCsv.readQuotas(d.resolve(c[0] + "_features.csv"));
      var problem = new SelectionProblem(pool, Integer.parseInt(c[1]), quotas, HouseholdRule.none());
      long t = System.nanoTime();
      UnitModel m = new UnitModel(problem);
      var r = new FairDistribution(m).leximin();
      double min = 1, sum = 0;
      for (int u = 0; u < m.unitCount(); u++) { min = Math.min(min, r.unitProbability()[u]); sum += r.unitProbability()[u] * m.size(u); }
      System.out.printf("%s units=%d panels=%d calls=%d min=%.6f sum=%.6f time=%.2fs%n", c[0], m.unitCount(), r.panelsGenerated(), r.pricingCalls(), min, sum, (System.nanoTime() - t) / 1e9);
    }
  }
}
