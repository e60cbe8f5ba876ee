package org.polity.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

class SortitionCommandTest {

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = PolityCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Path derived(String name) {
    return Path.of(System.getProperty("polity.shared.dir"), "sortition", "derived", name);
  }

  @Test
  void leximinJsonOnTheNaturePaperExample(@TempDir Path dir) throws Exception {
    Path published = dir.resolve("lottery.txt");
    Run r =
        run(
            "sortition",
            "--people",
            derived("example_small_20_people.csv").toString(),
            "--features",
            derived("example_small_20_features.csv").toString(),
            "--panel-size",
            "20",
            "--algorithm",
            "leximin",
            "--seed",
            "3",
            "--format",
            "json",
            "--public-numbers",
            "12,7,33",
            "--lottery-file",
            published.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("minimum").asDouble()).isCloseTo(0.1, within(1e-6));
    assertThat(json.get("probabilities").size()).isEqualTo(200);
    json.get("probabilities")
        .elements()
        .forEachRemaining(p -> assertThat(p.asDouble()).isCloseTo(0.1, within(1e-6)));
    double total = 0;
    int tickets = 0;
    for (JsonNode panel : json.get("panels")) {
      assertThat(panel.get("members").size()).isEqualTo(20);
      total += panel.get("probability").asDouble();
      tickets += panel.get("tickets").size();
    }
    assertThat(total).isCloseTo(1.0, within(1e-9));
    assertThat(tickets).isEqualTo(1000);
    assertThat(json.get("seed").asLong()).isEqualTo(3);
    assertThat(json.get("draw").get("input").asText()).isEqualTo("12,7,33");
    assertThat(json.get("quotas")).allSatisfy(q -> assertThat(q.get("met").asBoolean()).isTrue());
    // The published file hashes to the fingerprint, and the winning ticket is its line.
    byte[] file = Files.readAllBytes(published);
    String sha =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));
    assertThat(sha).isEqualTo(json.get("lottery").get("fingerprint").asText());
    int ticket = json.get("draw").get("ticket").asInt();
    List<String> lines = Files.readAllLines(published);
    assertThat(lines).hasSize(1000);
    List<String> winners = new ArrayList<>();
    json.get("draw").get("panel").forEach(n -> winners.add(n.asText()));
    assertThat(lines.get(ticket)).isEqualTo(ticket + ":" + String.join(",", winners));
  }

  @Test
  void householdRuleOnExample1(@TempDir Path dir) throws Exception {
    Path people = dir.resolve("people.csv");
    Files.writeString(
        people,
        "id,age,franchise,home,street\n"
            + "lisa,child,simpsons,1,A\nmarge,adult,simpsons,3,A\nlouie,child,ducktales,2,A\n"
            + "dewey,child,ducktales,2,A\nscrooge,adult,ducktales,1,A\n");
    Path features = dir.resolve("features.csv");
    Files.writeString(
        features,
        "feature,value,min,max\nage,child,1,2\nage,adult,1,2\nfranchise,simpsons,1,2\n"
            + "franchise,ducktales,1,2\n");
    Run r =
        run(
            "sortition",
            "--people",
            people.toString(),
            "--features",
            features.toString(),
            "--panel-size",
            "2",
            "--algorithm",
            "maximin",
            "--address-columns",
            "home,street",
            "--seed",
            "1",
            "--format",
            "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode p = new ObjectMapper().readTree(r.out()).get("probabilities");
    assertThat(p.get("lisa").asDouble()).isCloseTo(0, within(1e-6));
    assertThat(p.get("scrooge").asDouble()).isCloseTo(0, within(1e-6));
    assertThat(p.get("louie").asDouble()).isCloseTo(0.5, within(1e-6));
    assertThat(p.get("dewey").asDouble()).isCloseTo(0.5, within(1e-6));
    assertThat(p.get("marge").asDouble()).isCloseTo(1, within(1e-6));

    Run text =
        run(
            "sortition",
            "--people",
            people.toString(),
            "--features",
            features.toString(),
            "--panel-size",
            "2",
            "--algorithm",
            "legacy",
            "--seed",
            "1",
            "--legacy-draws",
            "500");
    assertThat(text.exit()).as(text.err()).isZero();
    assertThat(text.out()).contains("Lowest selection probability").contains("marge");
  }

  @Test
  void infeasibleQuotasExitWith2AndTheRelaxation(@TempDir Path dir) throws Exception {
    Path features = dir.resolve("features.csv");
    Files.writeString(
        features,
        "feature,value,min,max\ngender,female,15,20\ngender,male,9,20\nleaning,liberal,9,20\n"
            + "leaning,conservative,9,20\n");
    Run r =
        run(
            "sortition",
            "--people",
            derived("example_small_20_people.csv").toString(),
            "--features",
            features.toString(),
            "--panel-size",
            "20",
            "--algorithm",
            "leximin");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("gender=").contains("Smallest relaxation").contains("-> ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void badInputExitsWith2() throws Exception {
    List<String[]> cases = new ArrayList<>();
    String people = derived("example_small_20_people.csv").toString();
    String features = derived("example_small_20_features.csv").toString();
    cases.add(
        new String[] {
          "sortition",
          "--people",
          "/nonexistent.csv",
          "--features",
          features,
          "--panel-size",
          "20",
          "--algorithm",
          "leximin"
        });
    cases.add(
        new String[] {
          "sortition",
          "--people",
          people,
          "--features",
          features,
          "--panel-size",
          "20",
          "--algorithm",
          "fastest"
        });
    cases.add(
        new String[] {
          "sortition",
          "--people",
          people,
          "--features",
          features,
          "--panel-size",
          "2000",
          "--algorithm",
          "leximin"
        });
    cases.add(
        new String[] {
          "sortition",
          "--people",
          people,
          "--features",
          features,
          "--panel-size",
          "20",
          "--algorithm",
          "leximin",
          "--format",
          "xml"
        });
    cases.add(
        new String[] {
          "sortition",
          "--people",
          people,
          "--features",
          people,
          "--panel-size",
          "20",
          "--algorithm",
          "leximin"
        });
    cases.add(
        new String[] {
          "sortition",
          "--people",
          people,
          "--features",
          features,
          "--panel-size",
          "20",
          "--algorithm",
          "leximin",
          "--address-columns",
          "street"
        });
    cases.add(
        new String[] {
          "sortition", "--people", people, "--features", features, "--algorithm", "leximin"
        });
    for (String[] args : cases) {
      Run r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args)).isNotBlank();
    }
  }
}
