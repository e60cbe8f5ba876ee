package org.polity.jakarta.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;

/** The storage codec of ballots, version 1: its text is frozen, whatever the REST API does. */
class StoredBallotsTest {

  private static final ProjectId P1 = ProjectId.of("p1");
  private static final ProjectId P2 = ProjectId.of("p2");

  private static Map<ProjectId, Integer> ordered(int first, int second) {
    Map<ProjectId, Integer> numbers = new LinkedHashMap<>();
    numbers.put(P1, first);
    numbers.put(P2, second);
    return numbers;
  }

  @Test
  void formatOneIsWrittenExactlyAsBeforeAndReadBack() {
    Map<Ballot, String> stored =
        Map.of(
            Ballot.Approval.of(P1, P2),
            "{\"kind\":\"approval\",\"projects\":[\"p1\",\"p2\"]}",
            new Ballot.Ordinal(List.of(P2, P1)),
            "{\"kind\":\"ordinal\",\"ranking\":[\"p2\",\"p1\"]}",
            new Ballot.Cardinal(ordered(3, 0)),
            "{\"kind\":\"cardinal\",\"scores\":{\"p1\":3,\"p2\":0}}",
            new Ballot.Cumulative(ordered(2, 1)),
            "{\"kind\":\"cumulative\",\"points\":{\"p1\":2,\"p2\":1}}");
    stored.forEach(
        (ballot, text) -> {
          assertThat(StoredBallots.write(ballot)).isEqualTo(text);
          assertThat(StoredBallots.read(1, text)).isEqualTo(ballot);
          // What the API's codec reads from the same text is the same ballot (format 1 was the
          // API's JSON), so ballots stored before the codecs were split read the same.
          assertThat(BallotJson.parse(text)).isEqualTo(ballot);
        });
  }

  @Test
  void anUnknownFormatOrBrokenContentsAreRefusedNamingThem() {
    assertThatThrownBy(() -> StoredBallots.read(2, "{}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format 2");
    assertThatThrownBy(() -> StoredBallots.read(1, "{\"kind\":\"plurality\"}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plurality");
    assertThatThrownBy(() -> StoredBallots.read(1, "[1]"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[1]");
  }

  @Test
  void projectIdsAreEscaped() {
    Ballot odd = Ballot.Approval.of(ProjectId.of("a\"b"));
    assertThat(StoredBallots.read(1, StoredBallots.write(odd))).isEqualTo(odd);
  }
}
