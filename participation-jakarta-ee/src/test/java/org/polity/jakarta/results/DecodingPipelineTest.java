package org.polity.jakarta.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;
import org.polity.jakarta.voting.BallotJson;

/**
 * Decoding on a second thread gives the decoder exactly what decoding on the reading thread gives
 * it (same ballots in the same order, same tallies), and a corrupt row fails the count.
 */
class DecodingPipelineTest {

  private static final List<ProjectId> PROJECTS =
      List.of(
          ProjectId.of("a"),
          ProjectId.of("b"),
          ProjectId.of("c"),
          ProjectId.of("d"),
          ProjectId.of("e"),
          ProjectId.of("f"),
          ProjectId.of("g"));

  @ParameterizedTest(name = "seed {0}, {1} rows")
  @CsvSource({"1, 0", "2, 1", "3, 2047", "4, 2048", "5, 2049", "6, 20000", "7, 33333"})
  void decodesLikeOneThread(long seed, int count) {
    List<String> rows = rows(new Random(seed), count);
    BallotDecoder direct = new BallotDecoder(PROJECTS);
    rows.forEach(direct::add);

    BallotDecoder piped = new BallotDecoder(PROJECTS);
    try (DecodingPipeline pipeline = new DecodingPipeline(piped)) {
      rows.forEach(pipeline::add);
      pipeline.finish();
    }

    assertThat(piped.ballots()).containsExactlyElementsOf(direct.ballots());
    assertThat(piped.votes()).containsExactly(direct.votes());
    assertThat(piped.points()).containsExactly(direct.points());
    assertThat(piped.ignoredMentions()).isEqualTo(direct.ignoredMentions());
  }

  @ParameterizedTest(name = "corrupt row at {0}")
  @CsvSource({"5", "3000", "9999"})
  void aCorruptRowFailsTheCount(int at) {
    List<String> rows = new ArrayList<>(rows(new Random(at), 10_000));
    rows.set(at, "{\"kind\":\"approval\",\"projects\":[\"a\"");
    BallotDecoder decoder = new BallotDecoder(PROJECTS);
    assertThatThrownBy(
            () -> {
              try (DecodingPipeline pipeline = new DecodingPipeline(decoder)) {
                rows.forEach(pipeline::add);
                pipeline.finish();
              }
            })
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not readable JSON");
  }

  @Test
  void closingAfterAFailedReadStopsTheDecodingThread() {
    BallotDecoder decoder = new BallotDecoder(PROJECTS);
    List<String> rows = rows(new Random(9), 5_000);
    DecodingPipeline pipeline = new DecodingPipeline(decoder);
    rows.forEach(pipeline::add); // the reading fails here: finish() is never called
    pipeline.close();
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(thread -> thread.getName().equals("polity-ballot-decoder") && thread.isAlive());
  }

  /** Stored ballots of every kind, mostly approval ballots, some naming unknown projects. */
  private static List<String> rows(Random random, int count) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      List<ProjectId> chosen = new ArrayList<>(PROJECTS);
      java.util.Collections.shuffle(chosen, random);
      chosen = chosen.subList(0, 1 + random.nextInt(PROJECTS.size()));
      if (random.nextInt(50) == 0) {
        chosen = new ArrayList<>(chosen);
        chosen.add(ProjectId.of("elsewhere"));
      }
      Map<ProjectId, Integer> values = new LinkedHashMap<>();
      chosen.forEach(p -> values.put(p, random.nextInt(5)));
      int kind = random.nextInt(10);
      Ballot ballot =
          switch (kind) {
            case 0 -> new Ballot.Cardinal(values);
            case 1 -> new Ballot.Cumulative(values);
            case 2 -> new Ballot.Ordinal(chosen);
            default -> new Ballot.Approval(new LinkedHashSet<>(chosen));
          };
      rows.add(BallotJson.toJson(ballot).toString());
    }
    return rows;
  }
}
