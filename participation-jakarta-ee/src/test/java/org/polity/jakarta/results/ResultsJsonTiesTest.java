package org.polity.jakarta.results;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polity.ballot.Ballot;
import org.polity.common.BudgetId;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.common.ProcessId;
import org.polity.common.ProjectId;
import org.polity.counting.CountingResult;
import org.polity.counting.CountingRules;
import org.polity.counting.Election;
import org.polity.counting.ElectionProject;
import org.polity.counting.Satisfaction;
import org.polity.counting.TieBreaking;
import org.polity.jakarta.process.CountingDefinition;

/**
 * The results document names the ties the tie-breaking rule decided, with the rule and its seed,
 * and keeps them through storage; each tie's sentence is shown in the reader's language.
 */
class ResultsJsonTiesTest {

  private static final BudgetId BUDGET = BudgetId.of("sb-2027");
  private static final String SEED = "2027-05-12: 4 17 23";

  /** A costs 60, B 50; three voters each; 100 EUR: one of them only. */
  private static BudgetResults count(CountingDefinition counting) {
    return count(counting, 100);
  }

  private static BudgetResults count(CountingDefinition counting, long envelope) {
    List<ElectionProject> projects =
        List.of(ElectionProject.of("sb-001", 60), ElectionProject.of("sb-002", 50));
    List<Ballot> ballots = new ArrayList<>();
    for (String id : List.of("sb-001", "sb-002")) {
      for (int i = 0; i < 3; i++) {
        ballots.add(Ballot.Approval.of(ProjectId.of(id)));
      }
    }
    Election election = new Election(BigDecimal.valueOf(envelope), "EUR", projects, ballots);
    CountingResult result =
        CountingRules.named(counting.rule()).count(election, counting.options(BUDGET));
    List<BudgetResults.ProjectTally> tallies =
        List.of(
            new BudgetResults.ProjectTally(
                ProjectId.of("sb-001"),
                LocalizedText.of("en", "A park"),
                Money.of(60, "EUR"),
                3,
                0),
            new BudgetResults.ProjectTally(
                ProjectId.of("sb-002"),
                LocalizedText.of("en", "A bench"),
                Money.of(50, "EUR"),
                3,
                0));
    return new BudgetResults(
        BUDGET,
        ProcessId.of("sb"),
        counting,
        Money.of(envelope, "EUR"),
        tallies,
        election,
        0,
        result,
        Instant.parse("2027-06-01T10:00:00Z"));
  }

  @Test
  void theDocumentListsTheTieWithTheRuleAndItsSeed() {
    CountingDefinition counting =
        new CountingDefinition(
            "greedy", Satisfaction.COST, "none", Map.of(), new TieBreaking.Lottery(SEED));
    JsonObject document = ResultsJson.document(count(counting), Instant.now());

    assertThat(document.getString("tieBreaking")).isEqualTo("lottery");
    assertThat(document.getString("seed")).isEqualTo(SEED);
    JsonObject tie = document.getJsonArray("ties").getJsonObject(0);
    assertThat(tie.getInt("step")).isEqualTo(1);
    assertThat(tie.getString("quantity")).isEqualTo("votes");
    assertThat(tie.getString("value")).isEqualTo("3");
    assertThat(tie.getString("exactValue")).isEqualTo("3");
    assertThat(tie.getString("tieBreaking")).isEqualTo("lottery");
    assertThat(tie.getString("seed")).isEqualTo(SEED);
    assertThat(tie.getJsonArray("projects")).hasSize(2);
    assertThat(tie.getJsonObject("text").keySet()).containsExactlyInAnyOrder("fr", "nl", "en");

    JsonObject stored = PublishedResultsCodec.read(PublishedResultsCodec.write(document));
    JsonObject dutch = ResultsJson.view(stored, Locale.forLanguageTag("nl"), false);
    assertThat(dutch.getJsonArray("ties").getJsonObject(0).getString("text"))
        .startsWith("De projecten ")
        .contains("stonden gelijk op 3 stemmen")
        .contains("(een openbare loting)");
    for (JsonObject project : dutch.getJsonArray("projects").getValuesAs(JsonObject.class)) {
      assertThat(project.getString("explanation"))
          .contains("Het stond gelijk met project")
          .contains("„" + SEED + "”");
    }
  }

  @Test
  void aBudgetsOwnRuleWinsOverTheProcesssRule() {
    CountingDefinition counting =
        new CountingDefinition(
            "greedy",
            Satisfaction.COST,
            "none",
            Map.of(
                BUDGET,
                new CountingDefinition.BudgetCounting(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(new TieBreaking.FewerCostFirst()))),
            TieBreaking.byId());
    BudgetResults results = count(counting);
    JsonObject view = ResultsJson.view(ResultsJson.document(results, null), Locale.FRENCH, true);

    assertThat(results.result().winners()).containsExactly(ProjectId.of("sb-002"));
    assertThat(view.getString("tieBreaking")).isEqualTo("fewer-cost");
    assertThat(view).doesNotContainKey("seed");
    JsonObject tie = view.getJsonArray("ties").getJsonObject(0);
    assertThat(tie.getJsonArray("projects").getString(0)).isEqualTo("sb-002");
    assertThat(tie.getString("text"))
        .isEqualTo(
            "Les projets sb-002, sb-001 étaient à égalité à 3 voix (à partir du rang 1 du"
                + " classement) : la règle de départage (le moins coûteux d’abord) les a classés"
                + " dans cet ordre.");
    assertThat(view.getJsonArray("projects").getJsonObject(0).getString("explanation"))
        .endsWith(
            "Il était à égalité avec le projet sb-002 à 3 voix : la règle de départage (le moins"
                + " coûteux d’abord) les a classés dans l’ordre sb-002, sb-001.");
  }

  @Test
  void aTieThatChangedNothingIsNotListed() {
    // 110 EUR: both projects fit whatever the order.
    JsonObject document =
        ResultsJson.document(
            count(CountingDefinition.defaults(), 110), Instant.parse("2027-06-01T10:00:01Z"));

    assertThat(document.getJsonArray("ties")).isEmpty();
    assertThat(document.getString("tieBreaking")).isEqualTo("project-id");
    assertThat(document.getJsonArray("notes")).isEmpty();
  }
}
