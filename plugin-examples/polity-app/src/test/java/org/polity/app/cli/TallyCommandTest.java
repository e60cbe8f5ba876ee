package org.polity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TallyCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine commandLine = PolityCommand.commandLine();
    commandLine.setOut(new PrintWriter(out));
    commandLine.setErr(new PrintWriter(err));
    return commandLine.execute(args);
  }

  private static Path shared(String... parts) {
    return Path.of(System.getProperty("polity.shared.dir"), parts);
  }

  private static List<String> expectedWinners(String file) throws Exception {
    JsonNode node = new ObjectMapper().readTree(shared("pabulib", "expected", file).toFile());
    List<String> winners = new ArrayList<>();
    node.get("winners").forEach(w -> winners.add(w.asText()));
    return winners;
  }

  @Test
  void countsAFileWithTheDefaultsAndPrintsJson() throws Exception {
    Path file = shared("pabulib", "instances", "Poland_Swiecie_2023.pb");

    int code = run("tally", file.toString(), "--format", "json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    List<String> winners = new ArrayList<>();
    json.get("winners").forEach(w -> winners.add(w.asText()));
    assertThat(winners)
        .containsExactlyInAnyOrderElementsOf(
            expectedWinners("Poland_Swiecie_2023__mes_cost_add1.json"));
    assertThat(json.get("rule").asText()).isEqualTo("mes cost add1");
    assertThat(json.get("explanations")).hasSize(22);
    assertThat(json.get("cost").decimalValue()).isPositive();
  }

  @Test
  void greedyTextNamesWinnersAndExplainsLosers() throws Exception {
    Path file = shared("pabulib", "instances", "Poland_Gdynia_2021_Babie_Doly__large.pb");

    int code = run("tally", file.toString(), "--rule", "greedy", "--language", "fr");

    assertThat(code).as(err.toString()).isZero();
    String text = out.toString();
    for (String winner :
        expectedWinners("Poland_Gdynia_2021_Babie_Doly__large__greedy_cost.json")) {
      assertThat(text).contains(winner);
    }
    assertThat(text).contains("Rule: greedy cost").contains("Non financé").contains("Financé");
  }

  @Test
  void aBadOptionExitsWithTwoAndAReason() {
    Path file = shared("pabulib", "instances", "Poland_Swiecie_2023.pb");

    int code = run("tally", file.toString(), "--satisfaction", "happiness");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("--satisfaction must be cost, cardinality, points or borda");
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void aCompletionTheRuleDoesNotHaveExitsWithTwo() {
    Path file = shared("pabulib", "instances", "Poland_Swiecie_2023.pb");

    int code = run("tally", file.toString(), "--rule", "greedy", "--completion", "add1");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("greedy rule has no completion");
  }

  @Test
  void aMalformedFileExitsWithTwoAndTheLineNumber(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("bad.pb");
    Files.writeString(
        file,
        "META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;50\n2;fifty\n"
            + "VOTES\nvoter_id;vote\n1;1,2\n");

    int code = run("tally", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("line 8").contains("expected a number");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMissingFileExitsWithTwo(@TempDir Path dir) {
    int code = run("tally", dir.resolve("nothing.pb").toString());

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no such file");
  }
}
