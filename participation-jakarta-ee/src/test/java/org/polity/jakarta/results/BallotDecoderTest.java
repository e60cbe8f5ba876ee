package org.polity.jakarta.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;
import org.polity.jakarta.voting.BallotJson;

/**
 * The fast decoder of stored ballots gives the ballots the JSON-P codec gives, and tallies them.
 */
class BallotDecoderTest {

  private static final List<ProjectId> PROJECTS =
      List.of(ProjectId.of("p1"), ProjectId.of("p2"), ProjectId.of("p3"), ProjectId.of("p4"));

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void decodesWhatTheCodecWritesForEveryKind(long seed) {
    Random random = new Random(seed);
    BallotDecoder decoder = new BallotDecoder(PROJECTS);
    List<Ballot> written = new ArrayList<>();
    long[] votes = new long[PROJECTS.size()];
    long[] points = new long[PROJECTS.size()];
    for (int i = 0; i < 300; i++) {
      List<ProjectId> chosen = new ArrayList<>(PROJECTS);
      java.util.Collections.shuffle(chosen, random);
      chosen = chosen.subList(0, 1 + random.nextInt(PROJECTS.size()));
      Map<ProjectId, Integer> values = new LinkedHashMap<>();
      chosen.forEach(p -> values.put(p, random.nextInt(5)));
      Ballot ballot =
          switch (random.nextInt(4)) {
            case 0 -> new Ballot.Approval(new LinkedHashSet<>(chosen));
            case 1 -> new Ballot.Cardinal(values);
            case 2 -> new Ballot.Cumulative(values);
            default -> new Ballot.Ordinal(chosen);
          };
      written.add(ballot);
      for (ProjectId p : chosen) {
        votes[PROJECTS.indexOf(p)]++;
        if (ballot instanceof Ballot.Cardinal || ballot instanceof Ballot.Cumulative) {
          points[PROJECTS.indexOf(p)] += values.get(p);
        }
      }
      decoder.add(BallotJson.toJson(ballot).toString());
    }
    assertThat(decoder.ballots()).containsExactlyElementsOf(written);
    assertThat(decoder.votes()).containsExactly(votes);
    assertThat(decoder.points()).containsExactly(points);
    assertThat(decoder.ignoredMentions()).isZero();
    assertThat(decoder.distinctBallots()).isLessThanOrEqualTo(written.size());
  }

  @Test
  void identicalBallotsShareOneInstanceAndUnknownProjectsAreLeftOut() {
    BallotDecoder decoder = new BallotDecoder(PROJECTS);
    decoder.add("{\"kind\":\"approval\",\"projects\":[\"p2\",\"p1\"]}");
    decoder.add("{\"projects\":[\"p1\",\"p2\"],\"kind\":\"approval\"}");
    decoder.add("{\"kind\":\"approval\",\"projects\":[\"p1\",\"elsewhere\",\"p2\"]}");
    decoder.add("{\"kind\":\"ordinal\",\"ranking\":[\"p2\",\"p1\"]}");
    decoder.add("{\"kind\":\"approval\",\"projects\":[\"p4\",\"p3\",\"p2\",\"p1\",\"x\"]}");
    List<Ballot> ballots = decoder.ballots();
    assertThat(ballots).hasSize(5);
    assertThat(ballots.get(4)).isEqualTo(new Ballot.Approval(Set.copyOf(PROJECTS)));
    assertThat(ballots.get(0)).isSameAs(ballots.get(1)).isSameAs(ballots.get(2));
    assertThat(ballots.get(0))
        .isEqualTo(Ballot.Approval.of(ProjectId.of("p1"), ProjectId.of("p2")));
    assertThat(ballots.get(3))
        .isEqualTo(new Ballot.Ordinal(List.of(ProjectId.of("p2"), ProjectId.of("p1"))))
        .as("a ranking keeps its order")
        .isNotSameAs(ballots.get(0));
    assertThat(decoder.ignoredMentions()).isEqualTo(2);
    assertThat(decoder.votes()).containsExactly(5, 5, 1, 1);
    assertThat(
            Set.copyOf(
                BallotDecoder.projectIds("{\"kind\":\"cardinal\",\"scores\":{\"p3\":2,\"x\":1}}")))
        .containsExactlyInAnyOrder("p3", "x");
  }

  @Test
  void aCorruptRowIsAnErrorNamingIt() {
    BallotDecoder decoder = new BallotDecoder(PROJECTS);
    assertThatThrownBy(() -> decoder.add("{\"kind\":\"lottery\",\"projects\":[]}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lottery");
    assertThatThrownBy(() -> decoder.add("not json"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not json");
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14})
  void decodingTheStoredBytesGivesWhatDecodingTheStringGives(long seed) {
    List<ProjectId> projects =
        List.of(
            ProjectId.of("p1"),
            ProjectId.of("p2"),
            ProjectId.of("Aa"),
            ProjectId.of("BB"),
            ProjectId.of("café"),
            ProjectId.of("x\\y"),
            ProjectId.of("q\"r"));
    // "Aa" and "BB" have the same hash code: the lookup must compare the bytes.
    List<String> names =
        List.of("p1", "p2", "Aa", "BB", "café", "x\\\\y", "q\\\"r", "unknown", "p", "p10");
    Random random = new Random(seed);
    BallotDecoder fromStrings = new BallotDecoder(projects);
    BallotDecoder fromBytes = new BallotDecoder(projects);
    for (int i = 0; i < 3_000; i++) {
      StringBuilder text =
          new StringBuilder(
              random.nextInt(20) == 0
                  ? "{\"projects\":["
                  : "{\"kind\":\"approval\",\"projects\":[");
      List<String> chosen = new ArrayList<>(names);
      java.util.Collections.shuffle(chosen, random);
      int size = random.nextInt(6);
      for (int k = 0; k < size; k++) {
        text.append(k == 0 ? "" : ",").append('"').append(chosen.get(k)).append('"');
      }
      text.append(random.nextInt(20) == 0 ? "],\"kind\":\"approval\"}" : "]}");
      String stored = text.toString();
      Exception fromString = null;
      try {
        fromStrings.add(stored);
      } catch (IllegalStateException e) {
        fromString = e;
      }
      Exception fromByte = null;
      try {
        fromBytes.add(stored.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      } catch (IllegalStateException e) {
        fromByte = e;
      }
      assertThat(fromByte == null).as(stored).isEqualTo(fromString == null);
    }
    assertThat(fromBytes.ballots()).containsExactlyElementsOf(fromStrings.ballots());
    assertThat(fromBytes.ballots())
        .anyMatch(ballot -> ballot.projects().contains(ProjectId.of("café")))
        .anyMatch(ballot -> ballot.projects().contains(ProjectId.of("q\"r")))
        .anyMatch(ballot -> ballot.projects().contains(ProjectId.of("BB")));
    assertThat(fromBytes.votes()).containsExactly(fromStrings.votes());
    assertThat(fromBytes.ignoredMentions()).isEqualTo(fromStrings.ignoredMentions()).isPositive();
  }
}
