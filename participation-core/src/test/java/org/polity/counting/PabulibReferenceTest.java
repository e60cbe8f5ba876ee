package org.polity.counting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.polity.common.ProjectId;
import org.polity.pabulib.PabulibElection;
import org.polity.pabulib.PabulibElections;

/**
 * Runs every (instance, rule) pair of {@code shared/pabulib/expected} and checks the winners and
 * the budget used against pabutools and the equalshares.net tool, exactly.
 */
class PabulibReferenceTest {

  /** Each reference rule as Polity options. */
  static final Map<String, RuleSpec> RULES =
      Map.ofEntries(
          Map.entry("greedy_cost", new RuleSpec("greedy", Satisfaction.COST, Completion.none())),
          Map.entry(
              "greedy_card", new RuleSpec("greedy", Satisfaction.CARDINALITY, Completion.none())),
          Map.entry(
              "greedy_points", new RuleSpec("greedy", Satisfaction.POINTS, Completion.none())),
          Map.entry("greedy_borda", new RuleSpec("greedy", Satisfaction.BORDA, Completion.none())),
          Map.entry("mes_cost", new RuleSpec("mes", Satisfaction.COST, Completion.none())),
          Map.entry("mes_card", new RuleSpec("mes", Satisfaction.CARDINALITY, Completion.none())),
          Map.entry("mes_points", new RuleSpec("mes", Satisfaction.POINTS, Completion.none())),
          Map.entry("mes_borda", new RuleSpec("mes", Satisfaction.BORDA, Completion.none())),
          Map.entry("mes_cost_add1", new RuleSpec("mes", Satisfaction.COST, Completion.add1())),
          Map.entry(
              "mes_cost_add1_greedy",
              new RuleSpec(
                  "mes",
                  Satisfaction.COST,
                  Completion.add1(new BudgetStep.PerVoter(BigDecimal.ONE), true))),
          Map.entry(
              "mes_cost_inc1pct",
              new RuleSpec(
                  "mes",
                  Satisfaction.COST,
                  Completion.add1(new BudgetStep.PercentOfBudget(BigDecimal.ONE), false))),
          Map.entry("phragmen", new RuleSpec("phragmen", Satisfaction.COST, Completion.none())),
          Map.entry("js_mes_cost", new RuleSpec("mes", Satisfaction.COST, Completion.none())),
          Map.entry(
              "js_mes_cost_add1",
              new RuleSpec("mes", Satisfaction.COST, Completion.add1EqualSharesTool(false))),
          Map.entry(
              "js_mes_cost_add1u",
              new RuleSpec("mes", Satisfaction.COST, Completion.add1EqualSharesTool(true))));

  record RuleSpec(String rule, Satisfaction satisfaction, Completion completion) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static String cachedInstance;
  private static PabulibElection cachedElection;

  static Path sharedPabulib() {
    String dir = System.getProperty("polity.shared.dir");
    assertThat(dir).as("system property polity.shared.dir").isNotNull();
    return Path.of(dir, "pabulib");
  }

  @TestFactory
  Stream<DynamicTest> everyExpectedOutcomeIsReproducedExactly() throws IOException {
    Path expected = sharedPabulib().resolve("expected");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(expected)) {
      list.filter(p -> p.getFileName().toString().contains("__"))
          .filter(p -> !p.getFileName().toString().endsWith("__instance.json"))
          .filter(
              p ->
                  p.getFileName()
                      .toString()
                      .matches(System.getProperty("polity.reference.only", ".*")))
          .sorted()
          .forEach(files::add);
    }
    if (System.getProperty("polity.reference.only") == null) {
      assertThat(files).hasSizeGreaterThan(250);
    }
    return files.stream()
        .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> check(file)));
  }

  private static void check(Path file) throws IOException {
    JsonNode reference = JSON.readTree(file.toFile());
    String rule = reference.get("rule").asText();
    RuleSpec spec = RULES.get(rule);
    assertThat(spec).as("a Polity rule for reference rule " + rule).isNotNull();
    PabulibElection election = election(reference.get("instance").asText());
    long start = System.nanoTime();
    CountingResult result =
        CountingRules.named(spec.rule())
            .count(
                election.election(),
                CountingOptions.defaults()
                    .withSatisfaction(spec.satisfaction())
                    .withCompletion(spec.completion()));
    if (System.getProperty("polity.reference.only") != null) {
      System.out.printf("%-90s %8.3f s%n", file.getFileName(), (System.nanoTime() - start) / 1e9);
    }
    TreeSet<String> expectedWinners = new TreeSet<>();
    reference.get("winners").forEach(w -> expectedWinners.add(w.asText()));
    TreeSet<String> actual = new TreeSet<>();
    for (ProjectId id : result.winners()) {
      actual.add(id.value());
    }
    assertThat(actual)
        .as("winners of " + rule + " on " + reference.get("instance").asText())
        .isEqualTo(expectedWinners);
    assertThat(result.cost()).isEqualByComparingTo(reference.get("budget_used").decimalValue());
    assertThat(result.explanations()).hasSize(election.election().projects().size());
  }

  private static synchronized PabulibElection election(String instance) throws IOException {
    if (!instance.equals(cachedInstance)) {
      cachedElection = null;
      cachedElection =
          PabulibElections.read(sharedPabulib().resolve("instances").resolve(instance));
      cachedInstance = instance;
    }
    return cachedElection;
  }
}
