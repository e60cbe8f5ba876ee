package org.polity.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polity.testing.UpstreamSortitionExamples;

/**
 * The hand-made instances of the sortition-algorithms unit tests ({@link
 * UpstreamSortitionExamples}). Expected probabilities are those stated by the upstream test file
 * for maximin; LEXIMIN is a maximin distribution, and on these instances the stated maximin values
 * are forced, so both algorithms must give them.
 */
class UpstreamExamplesTest {

  static Stream<Arguments> cases() {
    List<Arguments> args = new ArrayList<>();
    for (UpstreamSortitionExamples.Example example : UpstreamSortitionExamples.examples()) {
      for (Algorithm a : List.of(Algorithm.MAXIMIN, Algorithm.LEXIMIN)) {
        args.add(Arguments.of(example.key(), a, example.problem()));
      }
    }
    assertThat(args).hasSize(2 * UpstreamSortitionExamples.expectations().size());
    return args.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void givesTheProbabilitiesStatedUpstream(
      String key, Algorithm algorithm, SelectionProblem problem) {
    SelectionResult result = SortitionFixtures.select(problem, algorithm, 7);
    SortitionFixtures.assertWellFormed(problem, result);
    UpstreamSortitionExamples.Expected expected = UpstreamSortitionExamples.expectations().get(key);
    expected
        .exact()
        .forEach(
            (id, p) ->
                assertThat(result.probabilities().get(id)).as(id).isCloseTo(p, within(1e-5)));
    expected
        .atLeast()
        .forEach(
            (id, p) -> assertThat(result.probabilities().get(id)).as(id).isGreaterThan(p - 1e-5));
    // The published lottery of 1000 tickets stays close to the exact probabilities.
    assertThat(result.maxLotteryDeviation(problem.pool())).isLessThanOrEqualTo(0.01);
  }
}
