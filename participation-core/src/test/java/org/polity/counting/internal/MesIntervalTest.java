package org.polity.counting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.polity.counting.CountingOptions;
import org.polity.counting.Election;
import org.polity.counting.Rational;

/**
 * {@link MesInterval}: a run it proves for an interval of money per voter is the exact run at every
 * point of that interval, and where the exact run changes within an interval it proves nothing.
 */
class MesIntervalTest {

  @Test
  void aProvenIntervalHasTheExactRunAtEveryPointAndAChangeIsNeverProven() {
    int proven = 0;
    int refusedAcrossAChange = 0;
    for (int seed = 0; seed < 400; seed++) {
      Election election = Add1OracleTest.random(seed);
      CountingOptions options = CountingOptions.defaults();
      Tally tally = new Tally(election, options);
      if (tally.profile.voters == 0) {
        continue;
      }
      boolean[] candidates = MesEngine.candidates(tally);
      Random random = new Random(seed);
      Rational share = tally.profile.budget.dividedBy(tally.profile.voters);
      for (int attempt = 0; attempt < 20; attempt++) {
        Rational from = share.plus(Rational.of(random.nextInt(40), 4));
        Rational to = from.plus(Rational.of(1 + random.nextInt(16), 8));
        MesEngine.Run run =
            MesInterval.certify(tally, candidates, from.doubleValue(), to.doubleValue());
        boolean changes = false;
        MesEngine.Run atFrom = MesEngine.run(tally, candidates, from);
        for (int i = 0; i <= 16; i++) {
          Rational x = from.plus(to.minus(from).times(Rational.of(i, 16)));
          MesEngine.Run exact = MesEngine.run(tally, candidates, x);
          changes |= !exact.order.equals(atFrom.order);
          if (run != null) {
            assertThat(run.order)
                .as("seed %d at %s in [%s, %s]", seed, x, from, to)
                .isEqualTo(exact.order);
            assertThat(run.cost).isEqualTo(exact.cost);
          }
        }
        if (run != null) {
          proven++;
        } else if (changes) {
          refusedAcrossAChange++;
        }
      }
    }
    assertThat(proven).as("intervals proven").isGreaterThan(1000);
    assertThat(refusedAcrossAChange).as("intervals with a change, not proven").isGreaterThan(10);
  }
}
