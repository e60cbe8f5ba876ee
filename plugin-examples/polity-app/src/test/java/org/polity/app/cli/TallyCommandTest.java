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

  /** Projects 1 (60) and 2 (50), three voters each, 100 EUR: only one fits. */
  private static Path tie(Path dir) throws Exception {
    Path file = dir.resolve("tie.pb");
    Files.writeString(
        file,
        "META\nkey;value\nbudget;100\ncurrency;EUR\nvote_type;approval\nPROJECTS\nproject_id;cost\n"
            + "1;60\n2;50\nVOTES\nvoter_id;vote\n1;1\n2;1\n3;1\n4;2\n5;2\n6;2\n");
    return file;
  }

  @Test
  void aTieIsNamedInTheTextOutput(@TempDir Path dir) throws Exception {
    int code = run("tally", tie(dir).toString(), "--rule", "greedy");

    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Winners (in selection order): 1\n")
        .contains(
            "Projects 1, 2 were tied on 3 votes (from rank 1 of the ranking): the tie-breaking"
                + " rule (lowest project id first) put them in this order.")
        .contains("It was tied with project 1 on 3 votes");
  }

  @Test
  void tieBreakingAndSeedChooseTheRuleAndTheJsonListsTheTie(@TempDir Path dir) throws Exception {
    Path file = tie(dir);

    int code =
        run(
            "tally",
            file.toString(),
            "--rule",
            "greedy",
            "--tie-breaking",
            "fewer-cost",
            "--format",
            "json");

    assertThat(code).as(err.toString()).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("winners").get(0).asText()).isEqualTo("2");
    assertThat(json.get("tie_breaking").asText()).isEqualTo("fewer-cost");
    JsonNode tie = json.get("ties").get(0);
    assertThat(tie.get("projects").get(0).asText()).isEqualTo("2");
    assertThat(tie.get("quantity").asText()).isEqualTo("votes");
    assertThat(tie.get("value").asInt()).isEqualTo(3);

    out.getBuffer().setLength(0);
    code =
        run(
            "tally",
            file.toString(),
            "--rule",
            "mes",
            "--tie-breaking",
            "lottery",
            "--seed",
            "draw 7",
            "--format",
            "json",
            "--language",
            "fr");
    assertThat(code).as(err.toString()).isZero();
    json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("seed").asText()).isEqualTo("draw 7");
  }

  @Test
  void aLotteryWithoutSeedOrAnUnknownRuleExitsWithTwo(@TempDir Path dir) throws Exception {
    Path file = tie(dir);

    assertThat(run("tally", file.toString(), "--tie-breaking", "lottery")).isEqualTo(2);
    assertThat(err.toString()).contains("--seed: ").contains("needs the seed");
    assertThat(run("tally", file.toString(), "--tie-breaking", "coin")).isEqualTo(2);
    assertThat(err.toString()).contains("--tie-breaking: ").contains("'coin'");
  }
}
