package org.polity.app.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's counting step: the counting library's greedy rule must fund exactly what the in-line
 * "most votes first while money remains" funds, on many seeded votes.
 */
class FundingRuleTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 2027})
  void theCountedGreedyRuleFundsWhatMostVotesFirstFunds(long seed) throws Exception {
    assertThat(play(seed, FundingRule.counted("greedy")))
        .contains("Proclamation:")
        .isEqualTo(play(seed, FundingRule.MOST_VOTES_FIRST));
  }

  private static String play(long seed, FundingRule rule) throws Exception {
    StringWriter out = new StringWriter();
    new DemoScript(seed, Locale.ENGLISH, rule, new PrintWriter(out, true)).play(null);
    return out.toString();
  }
}
