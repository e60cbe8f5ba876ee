package org.polity.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Structural proof on the other shared pools (sortition-algorithms fixtures, the 700/100 pool). */
class SharedPoolsTest {

  static SelectionProblem fixtures() throws IOException {
    return SortitionFixtures.fixtures();
  }

  @ParameterizedTest
  @EnumSource(Algorithm.class)
  void fixturePoolWithHouseholdRule(Algorithm algorithm) throws IOException {
    SelectionProblem problem = fixtures();
    SelectionResult result =
        algorithm == Algorithm.LEGACY
            ? ((SelectionOutcome.Selected)
                    Sortition.select(
                        problem, SelectionOptions.of(algorithm, 11).withLegacyDraws(2000)))
                .result()
            : SortitionFixtures.select(problem, algorithm, 1);
    SortitionFixtures.assertWellFormed(problem, result);
    DrawReport report = DrawReport.of(problem, result, Optional.empty());
    assertThat(report.quotas()).allSatisfy(q -> assertThat(q.met()).as(q.quota().label()).isTrue());
  }

  @Test
  void leximinIsAtLeastAsFairAsMaximinAndLegacy() throws IOException {
    SelectionProblem problem = fixtures();
    SelectionResult leximin = SortitionFixtures.select(problem, Algorithm.LEXIMIN, 1);
    SelectionResult maximin = SortitionFixtures.select(problem, Algorithm.MAXIMIN, 1);
    SelectionResult legacy =
        ((SelectionOutcome.Selected)
                Sortition.select(
                    problem, SelectionOptions.of(Algorithm.LEGACY, 3).withLegacyDraws(2000)))
            .result();
    assertThat(leximin.minimum()).isCloseTo(maximin.minimum(), within(1e-6));
    assertThat(leximin.minimum()).isGreaterThanOrEqualTo(legacy.minimum());
    // LEXIMIN's sorted probabilities are lexicographically at least maximin's.
    double[] a =
        leximin.probabilities().values().stream()
            .mapToDouble(Double::doubleValue)
            .sorted()
            .toArray();
    double[] b =
        maximin.probabilities().values().stream()
            .mapToDouble(Double::doubleValue)
            .sorted()
            .toArray();
    for (int i = 0; i < a.length; i++) {
      if (a[i] > b[i] + 1e-6) {
        break;
      }
      assertThat(a[i]).as("sorted position %d", i).isGreaterThanOrEqualTo(b[i] - 1e-6);
    }
  }

  @Test
  void scaledPoolOf700ForAPanelOf100() throws IOException {
    SelectionProblem problem = SortitionFixtures.derivedProblem("scaled_700_100", 100);
    SelectionResult result = SortitionFixtures.select(problem, Algorithm.LEXIMIN, 5);
    SortitionFixtures.assertWellFormed(problem, result);
    assertThat(result.minimum()).isGreaterThan(0);
    assertThat(result.maxLotteryDeviation(problem.pool())).isLessThanOrEqualTo(0.02);
  }
}
