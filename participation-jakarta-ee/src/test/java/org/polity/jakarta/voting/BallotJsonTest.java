package org.polity.jakarta.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.Problem.FieldError;

class BallotJsonTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomBallotsRoundTrip(long seed) {
    Random random = new Random(seed);
    List<ProjectId> projects = new java.util.ArrayList<>();
    for (int i = 0; i < 1 + random.nextInt(20); i++) {
      projects.add(ProjectId.of("p" + i));
    }
    java.util.Collections.shuffle(projects, random);
    Map<ProjectId, Integer> numbers = new LinkedHashMap<>();
    projects.forEach(p -> numbers.put(p, random.nextInt(10)));
    List<Ballot> ballots =
        List.of(
            new Ballot.Approval(new java.util.LinkedHashSet<>(projects)),
            new Ballot.Cardinal(numbers),
            new Ballot.Cumulative(numbers),
            new Ballot.Ordinal(projects));
    for (Ballot ballot : ballots) {
      assertThat(BallotJson.parse(BallotJson.toJson(ballot).toString())).isEqualTo(ballot);
    }
  }

  @Test
  void everyOffendingFieldIsNamed() {
    assertThatThrownBy(
            () ->
                BallotJson.fromJson(
                    json(
                        "{\"kind\":\"cumulative\",\"points\":{\"a\":1.5,\"b\":-2,\"c\":\"x\"},\"note\":1}")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("note", "points.a", "points.b", "points.c"));
  }

  @Test
  void approvalsListEachProjectOnce() {
    assertThatThrownBy(
            () ->
                BallotJson.fromJson(
                    json("{\"kind\":\"approval\",\"projects\":[\"a\",\"b\",\"a\",\" \"]}")))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("projects[2]", "projects[3]"));
  }

  @Test
  void aMissingBodyOrKindIsRefused() {
    assertThatThrownBy(() -> BallotJson.fromJson(null)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> BallotJson.fromJson(json("{\"projects\":[]}")))
        .hasMessageContaining("kind");
    assertThatThrownBy(() -> BallotJson.fromJson(json("{\"kind\":\"ordinal\"}")))
        .hasMessageContaining("ranking");
  }

  private static jakarta.json.JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
