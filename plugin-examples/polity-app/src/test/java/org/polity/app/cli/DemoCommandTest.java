package org.polity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DemoCommandTest {

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine commandLine = PolityCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int exitCode = commandLine.execute(args);
    return new Run(exitCode, out.toString(), err.toString());
  }

  @Test
  void theDemoPlaysTheEditionEndToEnd() {
    Run run = run("demo");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .contains("== Shared Budget 2027 - Sample municipality (Europe/Brussels)")
        .contains("Envelope: 15 EUR per inhabitant x 34337 inhabitants = 515055 EUR")
        .contains(" 6. 2027-06-15 .. 2027-06-30  Campaign and vote")
        .contains("2027-02-01  Phase opens: Submission of project ideas")
        .contains("Idea submitted online: sb-2027-001 \"A community vegetable garden\"")
        .contains("Paper form encoded by staff:marc: sb-2027-002")
        .contains(
            "Refused: Tom is 9 years old: authors must be at least 10 years old in this edition.")
        .contains("Refused: Submitting an idea is not possible during the phase")
        .contains("Duplicate merged by the citizens' assembly: sb-2027-003 into sb-2027-002")
        .contains(
            "Review: sb-2027-008 \"Extend the tram line\" not feasible. Criteria not met: within the municipality's competence")
        .contains("Validation: 10 projects on the ballot, 725000 EUR in total")
        .contains("2027-06-15  Phase opens: Campaign and vote")
        .contains("Vote closed: 1500 ballots")
        .contains("2028-02-01  Phase opens: Realisation and follow-up")
        .contains("== What happened to each idea?")
        .contains("[Merged] Bike shelters near the station")
        .containsPattern("Realised: sb-2027-\\d{3}")
        .containsPattern(
            "Abandoned: sb-2027-\\d{3} \".*\": The site turned out to belong to the Region.");
  }

  @Test
  void theFundedProjectsAreTheMostVotedThatFitTheEnvelope() {
    String out = run("demo").out();
    Pattern row =
        Pattern.compile(
            "^\\s*\\d+\\. (sb-2027-\\d{3})\\s+(\\d+)\\s+(\\d+) EUR\\s+(funded|not funded)",
            Pattern.MULTILINE);
    Matcher matcher = row.matcher(out);
    BigDecimal left = new BigDecimal("515055");
    long previousVotes = Long.MAX_VALUE;
    int rows = 0;
    int funded = 0;
    while (matcher.find()) {
      rows++;
      long votes = Long.parseLong(matcher.group(2));
      BigDecimal cost = new BigDecimal(matcher.group(3));
      assertThat(votes).as("rows in decreasing order of votes").isLessThanOrEqualTo(previousVotes);
      previousVotes = votes;
      boolean fits = cost.compareTo(left) <= 0;
      assertThat(matcher.group(4).equals("funded"))
          .as(matcher.group(1) + " funded iff it fits in what is left")
          .isEqualTo(fits);
      if (fits) {
        left = left.subtract(cost);
        funded++;
      }
    }
    assertThat(rows).isEqualTo(10);
    assertThat(funded).isBetween(1, 9);
    assertThat(out)
        .contains(
            "Proclamation: "
                + funded
                + " projects funded for "
                + new BigDecimal("515055").subtract(left).toPlainString()
                + " EUR out of 515055 EUR; "
                + left.toPlainString()
                + " EUR left");
  }

  @Test
  void theSeedDecidesTheVoteAndTheSameSeedGivesTheSameOutput() {
    String first = run("demo", "--seed", "7").out();
    assertThat(run("demo", "--seed", "7").out()).isEqualTo(first);
    assertThat(run("demo", "--seed", "8").out()).isNotEqualTo(first);
    assertThat(run("demo").out()).isEqualTo(run("demo", "--seed", "2027").out());
  }

  @Test
  void theDemoSpeaksFrenchAndDutch() {
    Run french = run("demo", "--lang", "fr");
    assertThat(french.exitCode()).isZero();
    assertThat(french.out())
        .contains("== Budget partagé 2027 - Commune exemple (Europe/Brussels)")
        .contains("Ouverture de la phase : Campagne et vote")
        .contains(
            "Refusé : Tom a 9 ans : les auteurs doivent avoir au moins 10 ans dans cette édition.")
        .contains("== Qu'est devenue chaque idée ?")
        .contains("[Fusionné] Des abris vélos près de la gare");
    Run dutch = run("demo", "--lang", "NL");
    assertThat(dutch.out())
        .contains("Fase begint: Campagne en stemming")
        .contains("== Wat is er met elk idee gebeurd?")
        .contains("[Niet haalbaar] Een gemeentelijk zwembad");
  }

  @Test
  void anUnknownLanguageIsABadOption() {
    Run run = run("demo", "--lang", "de");
    assertThat(run.exitCode()).isEqualTo(PolityCommand.EXIT_BAD_INPUT);
    assertThat(run.err()).contains("Unknown language 'de' for --lang: use fr, nl or en.");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void theSummaryTableIsWrittenForSpreadsheets(@TempDir Path dir) throws Exception {
    Path csv = dir.resolve("projects.csv");
    Run run = run("demo", "--lang", "fr", "--csv", csv.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Tableau récapitulatif écrit dans " + csv);
    byte[] bytes = Files.readAllBytes(csv);
    assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith(
            "id;title;status;status_label;themes;district;estimated_cost;reviewed_cost;currency;votes;channel\r\n");
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(';');
    List<Map<String, String>> rows;
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper().readerForMapOf(String.class).with(schema).readValues(text)) {
      rows = it.readAll();
    }
    assertThat(rows).hasSize(14);
    assertThat(rows.get(2))
        .containsEntry("id", "sb-2027-003")
        .containsEntry("title", "Des abris vélos près de la gare")
        .containsEntry("status", "MERGED")
        .containsEntry("status_label", "Fusionné")
        .containsEntry("estimated_cost", "25000")
        .containsEntry("votes", "")
        .containsEntry("channel", "online");
    assertThat(rows.stream().filter(r -> r.get("status").equals("NOT_FEASIBLE")))
        .hasSize(3)
        .allMatch(r -> r.get("votes").isEmpty());
    assertThat(rows.stream().filter(r -> !r.get("votes").isEmpty())).hasSize(10);
  }

  @Test
  void theDemoCanCountWithTheMethodOfEqualShares() {
    Run run = run("demo", "--rule", "mes");
    assertThat(run.exitCode()).isZero();
    Matcher matcher =
        Pattern.compile(
                "^\\s*\\d+\\. (sb-2027-\\d{3})\\s+(\\d+)\\s+(\\d+) EUR\\s+(funded|not funded)",
                Pattern.MULTILINE)
            .matcher(run.out());
    BigDecimal spent = BigDecimal.ZERO;
    int funded = 0;
    while (matcher.find()) {
      if (matcher.group(4).equals("funded")) {
        spent = spent.add(new BigDecimal(matcher.group(3)));
        funded++;
      }
    }
    assertThat(funded).isPositive();
    assertThat(spent).isLessThanOrEqualTo(new BigDecimal("515055"));
    assertThat(run.out())
        .contains("Proclamation: " + funded + " projects funded for " + spent.toPlainString());
  }

  @Test
  void anUnknownCountingRuleIsABadOption() {
    Run run = run("demo", "--rule", "borda");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown counting rule 'borda'").contains("greedy or mes");
  }

  @Test
  void theDemoIsListedInTheHelp() {
    assertThat(run("--help").out())
        .contains("demo")
        .contains("Plays a sample participatory-budget edition");
  }
}
