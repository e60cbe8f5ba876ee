package org.polity.pabulib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;

class PabulibReaderTest {

  private static final String HEAD =
      "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost;name\n";

  @Test
  void readsBomCrlfQuotesAndDecimalCommas() {
    String text =
        "\uFEFFMETA\r\nkey;value\r\nbudget;1000,5\r\nvote_type;cumulative\r\ncomment;\"a;b \"\"quoted\"\"\"\r\n"
            + "PROJECTS\r\nproject_id;cost;name\r\nBO.OM.1/24;400.0;Park \"green\"\r\n2;300;\"x;y\"\r\n"
            + "VOTES\r\nvoter_id;vote;points\r\nv1;BO.OM.1/24,2,BO.OM.1/24;1,2,3\r\nv2;none;\r\n";

    PabulibFile file = PabulibReader.parse(text);
    PabulibElection election = PabulibElections.toElection(file);

    assertThat(file.metaMap()).containsEntry("comment", "a;b \"quoted\"");
    assertThat(file.projects().rows().get(0).cells())
        .containsExactly("BO.OM.1/24", "400.0", "Park \"green\"");
    assertThat(file.projects().rows().get(1).cell(2)).isEqualTo("x;y");
    assertThat(election.election().budget()).isEqualByComparingTo(new BigDecimal("1000.5"));
    Ballot.Cumulative first = (Ballot.Cumulative) election.election().ballots().get(0);
    // The last (project, points) pair wins, as in pabutools.
    assertThat(first.points())
        .isEqualTo(Map.of(ProjectId.of("BO.OM.1/24"), 3, ProjectId.of("2"), 2));
    assertThat(election.election().ballots().get(1).projects()).isEmpty();
    assertThat(PabulibReader.parse(PabulibWriter.toText(file))).isEqualTo(file);
  }

  @Test
  void approvalDuplicatesCountOnceAndRankingsKeepTheFirstPosition() {
    PabulibElection approval =
        PabulibElections.toElection(
            PabulibReader.parse(HEAD + "1;10;a\n2;20;b\nVOTES\nvoter_id;vote\n1;1,2,1\n"));
    assertThat(approval.election().ballots().get(0))
        .isEqualTo(Ballot.Approval.of(ProjectId.of("1"), ProjectId.of("2")));

    PabulibElection ordinal =
        PabulibElections.toElection(
            PabulibReader.parse(
                HEAD.replace("approval", "ordinal")
                    + "1;10;a\n2;20;b\nVOTES\nvoter_id;vote\n1;2,1,2\n"));
    assertThat(((Ballot.Ordinal) ordinal.election().ballots().get(0)).ranking())
        .containsExactly(ProjectId.of("2"), ProjectId.of("1"));
  }

  @Test
  void aRowWithTooFewFieldsNamesItsLine() {
    assertThatThrownBy(
            () -> PabulibReader.parse(HEAD + "1;10;a\n2;20\nVOTES\nvoter_id;vote\n1;1\n"))
        .isInstanceOf(PabulibFormatException.class)
        .hasMessageContaining("line 8")
        .hasMessageContaining("expected 3 fields");
  }

  @Test
  void anUnclosedQuoteNamesItsLine() {
    assertThatThrownBy(() -> PabulibReader.parse(HEAD + "1;10;\"open\nVOTES\nvoter_id;vote\n1;1\n"))
        .isInstanceOf(PabulibFormatException.class)
        .hasMessageContaining("line 7")
        .hasMessageContaining("not closed");
  }

  @Test
  void sectionsOutOfOrderAreRefused() {
    assertThatThrownBy(() -> PabulibReader.parse("PROJECTS\nproject_id;cost\n"))
        .isInstanceOf(PabulibFormatException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("expected META");
    assertThatThrownBy(() -> PabulibReader.parse(HEAD + "1;10;a\n"))
        .hasMessageContaining("ends before the section VOTES");
  }

  @Test
  void badValuesNameTheirLine() {
    assertThatThrownBy(
            () ->
                PabulibElections.toElection(
                    PabulibReader.parse(HEAD + "1;ten;a\nVOTES\nvoter_id;vote\n1;1\n")))
        .hasMessageContaining("line 7")
        .hasMessageContaining("expected a number for the cost of project 1");
    assertThatThrownBy(
            () ->
                PabulibElections.toElection(
                    PabulibReader.parse(HEAD + "1;10;a\nVOTES\nvoter_id;vote\n1;7\n")))
        .hasMessageContaining("line 10")
        .hasMessageContaining("'7', which is not in the PROJECTS section");
    assertThatThrownBy(
            () ->
                PabulibElections.toElection(
                    PabulibReader.parse(HEAD + "1;10;a\n1;20;b\nVOTES\nvoter_id;vote\n1;1\n")))
        .hasMessageContaining("line 8")
        .hasMessageContaining("already listed");
    assertThatThrownBy(
            () ->
                PabulibElections.toElection(
                    PabulibReader.parse(
                        HEAD.replace("approval", "cumulative")
                            + "1;10;a\nVOTES\nvoter_id;vote;points\n1;1;1,2\n")))
        .hasMessageContaining("line 10")
        .hasMessageContaining("expected as many points as projects");
    assertThatThrownBy(
            () ->
                PabulibElections.toElection(
                    PabulibReader.parse(
                        HEAD.replace("approval", "plurality")
                            + "1;10;a\nVOTES\nvoter_id;vote\n1;1\n")))
        .hasMessageContaining("line 4")
        .hasMessageContaining("vote_type");
  }

  @Test
  void writerQuotesWhatNeedsQuoting() {
    PabulibFile file =
        PabulibFile.of(
            Map.of("budget", "5"),
            new PabulibTable(
                List.of("project_id", "cost", "name"),
                List.of(PabulibTable.Row.of(List.of("1", "2", "\"a\";b")))),
            new PabulibTable(List.of("voter_id", "vote"), List.of()));

    String text = PabulibWriter.toText(file);

    assertThat(text).contains("1;2;\"\"\"a\"\";b\"");
    assertThat(PabulibReader.parse(text)).isEqualTo(file);
  }
}
