package org.polity.pabulib;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared Pabulib instance reads, writes and reads back equal, and interprets for counting.
 */
class PabulibRoundTripTest {

  static Stream<Path> instances() throws IOException {
    Path dir = Path.of(System.getProperty("polity.shared.dir"), "pabulib", "instances");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(p -> p.toString().endsWith(".pb")).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(41);
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("instances")
  void writeThenReadGivesTheSameFile(Path instance) throws IOException {
    PabulibFile original = PabulibReader.read(instance);

    PabulibFile again = PabulibReader.parse(PabulibWriter.toText(original));

    assertThat(again).isEqualTo(original);
    PabulibElection election = PabulibElections.toElection(original);
    assertThat(election.election().ballots()).hasSize(original.votes().rows().size());
    assertThat(election.election().projects()).hasSize(original.projects().rows().size());
    String numVotes = original.metaMap().get("num_votes");
    if (numVotes != null) {
      assertThat(election.election().ballots()).hasSize(Integer.parseInt(numVotes.strip()));
    }
    assertThat(PabulibElections.toElection(again)).isEqualTo(election);
  }
}
