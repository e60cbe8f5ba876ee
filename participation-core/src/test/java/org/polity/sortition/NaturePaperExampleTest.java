package org.polity.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Nature paper's public example (example_small_20: 200 respondents, 20 seats): LEXIMIN gives
 * everyone 10% (the paper's published figure), and the legacy method gives the only
 * female+conservative respondent a visibly lower chance (the paper: at most 1.21%).
 */
class NaturePaperExampleTest {

  private static SelectionProblem problem;
  private static String loneRespondent;

  @BeforeAll
  static void load() throws IOException {
    problem = SortitionFixtures.derivedProblem("example_small_20", 20);
    List<Respondent> lone =
        problem.pool().respondents().stream()
            .filter(
                r ->
                    r.value("gender").equals("female") && r.value("leaning").equals("conservative"))
            .toList();
    assertThat(lone).hasSize(1);
    loneRespondent = lone.get(0).id();
  }

  @Test
  void leximinGivesEveryoneTenPercent() {
    SelectionResult result = SortitionFixtures.select(problem, Algorithm.LEXIMIN, 1);
    SortitionFixtures.assertWellFormed(problem, result);
    assertThat(result.probabilities().values())
        .allSatisfy(p -> assertThat(p).isCloseTo(0.1, within(1e-6)));
    assertThat(result.minimum()).isCloseTo(0.1, within(1e-6));
    assertThat(result.lottery().probabilities(problem.pool()).get(loneRespondent))
        .isCloseTo(0.1, within(0.002));
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void legacyGivesTheLoneRespondentAVisiblyLowerChance(long seed) {
    SelectionResult result =
        ((SelectionOutcome.Selected)
                Sortition.select(
                    problem, SelectionOptions.of(Algorithm.LEGACY, seed).withLegacyDraws(4000)))
            .result();
    SortitionFixtures.assertWellFormed(problem, result);
    assertThat(result.probabilities().get(loneRespondent)).isLessThan(0.04);
    assertThat(result.minimum()).isLessThan(0.04);
    SelectionResult leximin = SortitionFixtures.select(problem, Algorithm.LEXIMIN, seed);
    assertThat(leximin.minimum()).isGreaterThan(2 * result.minimum());
  }

  @Test
  void maximinReachesTheSameMinimum() {
    SelectionResult result = SortitionFixtures.select(problem, Algorithm.MAXIMIN, 1);
    SortitionFixtures.assertWellFormed(problem, result);
    assertThat(result.minimum()).isCloseTo(0.1, within(1e-6));
  }
}
