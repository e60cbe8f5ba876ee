package org.polity.pabulib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;
import org.polity.counting.CountingOptions;
import org.polity.counting.CountingResult;
import org.polity.counting.CountingRules;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;

class PabulibExportTest {

  @Test
  void anExportedEditionRecountsToTheSameResult() throws IOException {
    Path instance =
        Path.of(
            System.getProperty("polity.shared.dir"),
            "pabulib",
            "instances",
            "Poland_Czestochowa_2020.pb");
    Election original = PabulibElections.read(instance).election();

    PabulibFile exported =
        PabulibExport.toFile(original, Map.of("description", "recount", "country", "Poland"));
    Election recounted =
        PabulibElections.toElection(PabulibReader.parse(PabulibWriter.toText(exported))).election();

    assertThat(exported.metaMap())
        .containsEntry("vote_type", "cumulative")
        .containsEntry("currency", "PLN");
    assertThat(recounted.ballots()).hasSameSizeAs(original.ballots());
    for (String rule : List.of("greedy", "mes")) {
      CountingResult before = CountingRules.named(rule).count(original, CountingOptions.defaults());
      CountingResult after = CountingRules.named(rule).count(recounted, CountingOptions.defaults());
      assertThat(after.winners()).isEqualTo(before.winners());
    }
  }

  @Test
  void ballotsAreShuffledOutOfTheirOrderAndNumberedAfresh() {
    ProjectId a = ProjectId.of("a");
    ProjectId b = ProjectId.of("b");
    Election election =
        new Election(
            java.math.BigDecimal.TEN,
            "EUR",
            List.of(ElectionProject.of("a", 5), ElectionProject.of("b", 5)),
            List.of(Ballot.Approval.of(b), Ballot.Approval.of(a, b), Ballot.Approval.of(a)));

    PabulibFile file = PabulibExport.toFile(election, Map.of());

    assertThat(file.votes().rows())
        .extracting(r -> r.cells())
        .containsExactly(List.of("1", "a"), List.of("2", "a,b"), List.of("3", "b"));
    assertThat(file.projects().rows().get(0).cells()).containsExactly("a", "5", "2", "");
    assertThatThrownBy(() -> PabulibExport.toFile(election, Map.of("budget", "3")))
        .hasMessageContaining("'budget' is computed");
  }
}
