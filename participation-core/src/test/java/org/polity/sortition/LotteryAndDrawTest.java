package org.polity.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published lottery and the verifiable public draw. */
class LotteryAndDrawTest {

  @ParameterizedTest(name = "lottery of {0} tickets")
  @ValueSource(ints = {100, 997})
  void lotteryHasTheRequestedSizeAndStaysCloseToTheExactProbabilities(int size) throws IOException {
    SelectionProblem problem = SharedPoolsTest.fixtures();
    SelectionResult result =
        ((SelectionOutcome.Selected)
                Sortition.select(
                    problem, SelectionOptions.of(Algorithm.LEXIMIN, 4).withLotterySize(size)))
            .result();
    assertThat(result.lottery().size()).isEqualTo(size);
    SortitionFixtures.assertWellFormed(problem, result);
    // Rounding moves each chance by a few tickets at most.
    assertThat(result.maxLotteryDeviation(problem.pool())).isLessThanOrEqualTo(5.0 / size);
  }

  @Test
  void sameSeedSameLottery() throws IOException {
    SelectionProblem problem = SharedPoolsTest.fixtures();
    SelectionResult a =
        ((SelectionOutcome.Selected)
                Sortition.select(problem, SelectionOptions.of(Algorithm.LEXIMIN, 99)))
            .result();
    SelectionResult b =
        ((SelectionOutcome.Selected)
                Sortition.select(problem, SelectionOptions.of(Algorithm.LEXIMIN, 99)))
            .result();
    assertThat(a.lottery().fingerprint()).isEqualTo(b.lottery().fingerprint());
  }

  @Test
  void publicDrawCanBeCheckedByAnyoneWithSha256() throws Exception {
    SelectionProblem problem = SortitionFixtures.derivedProblem("example_small_20", 20);
    Lottery lottery = SortitionFixtures.select(problem, Algorithm.LEXIMIN, 2).lottery();
    PublicDraw.Result draw = PublicDraw.draw(lottery, List.of("7", "42", " 13", "05"));
    assertThat(draw.input()).isEqualTo("7,42,13,5");
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest("7,42,13,5".getBytes(StandardCharsets.UTF_8));
    int expectedTicket = new BigInteger(1, hash).mod(BigInteger.valueOf(lottery.size())).intValue();
    assertThat(draw.sha256()).isEqualTo(HexFormat.of().formatHex(hash));
    assertThat(draw.ticket()).isEqualTo(expectedTicket);
    assertThat(draw.panel()).isEqualTo(lottery.tickets().get(expectedTicket));
    assertThat(draw.lotteryFingerprint()).isEqualTo(lottery.fingerprint());
    assertThat(problem.violations(draw.panel().memberIds())).isEmpty();
    DrawReport report =
        DrawReport.of(
            problem, SortitionFixtures.select(problem, Algorithm.LEXIMIN, 2), Optional.of(draw));
    assertThat(report.draw()).contains(draw);
    assertThat(report.minimum()).isGreaterThan(0.099);
  }

  @Test
  void publicNumbersMustBeDigits() throws IOException {
    Lottery lottery = new Lottery(List.of(new Panel(List.of("a"))));
    assertThat(catchThrowable(() -> PublicDraw.draw(lottery, List.of("7", "x2"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x2");
    assertThat(catchThrowable(() -> PublicDraw.draw(lottery, List.of())))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
