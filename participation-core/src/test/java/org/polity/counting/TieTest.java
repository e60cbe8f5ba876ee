package org.polity.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;

/**
 * Ties: each tie the tie-breaking rule decided is named in the result and in the explanations of
 * the projects concerned; a budget chooses its rule (project id, project order, fewer cost, a
 * public lottery with a published seed).
 */
class TieTest {

  private static final Locale NL = Locale.forLanguageTag("nl");
  private static final String SEED = "Loterie 2026-05-12: 4 17 23 31 42";

  /**
   * 100 EUR; projects listed C, A, B; A costs 60, B and C 40; each has 5 votes (15 voters, one
   * project each). Only two fit, and which two depends on the tie-breaking rule alone.
   */
  static Election threeWayTie() {
    List<ElectionProject> projects =
        List.of(
            ElectionProject.of("C", 40), ElectionProject.of("A", 60), ElectionProject.of("B", 40));
    List<Ballot> ballots = new ArrayList<>();
    for (String id : List.of("A", "B", "C")) {
      for (int i = 0; i < 5; i++) {
        ballots.add(Ballot.Approval.of(ProjectId.of(id)));
      }
    }
    return new Election(new BigDecimal("100"), "EUR", projects, ballots);
  }

  /** 100 EUR; A and B cost 60 each, three voters each: both cannot be funded. */
  static Election twoGroups() {
    List<ElectionProject> projects =
        List.of(ElectionProject.of("A", 60), ElectionProject.of("B", 60));
    List<Ballot> ballots = new ArrayList<>();
    for (String id : List.of("A", "B")) {
      for (int i = 0; i < 3; i++) {
        ballots.add(Ballot.Approval.of(ProjectId.of(id)));
      }
    }
    return new Election(new BigDecimal("100"), "EUR", projects, ballots);
  }

  private static CountingResult greedy(Election election, TieBreaking rule) {
    return CountingRules.named("greedy")
        .count(election, CountingOptions.defaults().withTieBreaking(rule));
  }

  private static List<String> ids(List<ProjectId> ids) {
    return ids.stream().map(ProjectId::value).toList();
  }

  private static String text(CountingResult result, String project, Locale locale) {
    return result.explanations().get(ProjectId.of(project)).text(locale);
  }

  @Test
  void greedyNamesTheTieItBrokeByProjectId() {
    CountingResult result = greedy(threeWayTie(), TieBreaking.byId());

    assertThat(ids(result.winners())).containsExactly("A", "B");
    assertThat(result.ties()).hasSize(1);
    Tie tie = result.ties().get(0);
    assertThat(ids(tie.projects())).containsExactly("A", "B", "C");
    assertThat(tie.step()).isEqualTo(1);
    assertThat(tie.quantity()).isEqualTo(Tie.Quantity.VOTES);
    assertThat(tie.value()).isEqualTo(Rational.of(5));
    assertThat(tie.rule()).isEqualTo(TieBreaking.byId());
    assertThat(text(result, "C", Locale.ENGLISH))
        .isEqualTo(
            "Not funded: with 5 votes it came after project B, and only 0 EUR remained for its 40"
                + " EUR cost. It was tied with projects A, B on 5 votes: the tie-breaking rule"
                + " (lowest project id first) put them in the order A, B, C.");
    assertThat(text(result, "A", Locale.FRENCH))
        .endsWith(
            "Il était à égalité avec les projets B, C à 5 voix : la règle de départage (le plus"
                + " petit identifiant de projet d’abord) les a classés dans l’ordre A, B, C.");
    assertThat(text(result, "B", NL))
        .endsWith(
            "Het stond gelijk met de projecten A, C op 5 stemmen: de regel voor gelijke stand"
                + " (laagste projectnummer eerst) zette ze in de volgorde A, B, C.");
    assertThat(result.notes())
        .extracting(note -> note.text(Locale.ENGLISH))
        .containsExactly(
            "Projects A, B, C were tied on 5 votes (from rank 1 of the ranking): the tie-breaking"
                + " rule (lowest project id first) put them in this order.");
  }

  @Test
  void projectOrderPutsTheProjectListedFirstAhead() {
    CountingResult result = greedy(threeWayTie(), new TieBreaking.ProjectOrder());

    assertThat(ids(result.winners())).containsExactly("C", "A");
    assertThat(ids(result.ties().get(0).projects())).containsExactly("C", "A", "B");
    assertThat(text(result, "B", Locale.ENGLISH))
        .contains("the tie-breaking rule (the order the projects are listed in)");
  }

  @Test
  void fewerCostFirstPutsTheCheaperProjectAheadThenTheId() {
    CountingResult result = greedy(threeWayTie(), new TieBreaking.FewerCostFirst());

    assertThat(ids(result.winners())).containsExactly("B", "C");
    assertThat(ids(result.ties().get(0).projects())).containsExactly("B", "C", "A");
    assertThat(text(result, "A", Locale.ENGLISH))
        .contains("the tie-breaking rule (fewer cost first) put them in the order B, C, A.");
  }

  @Test
  void aLotteryOrdersBySha256OfTheSeedAndTheIdAndPublishesTheSeed() throws Exception {
    TieBreaking.Lottery lottery = new TieBreaking.Lottery(SEED);

    // printf '%s%s' "$SEED" B | sha256sum
    assertThat(lottery.digest(ProjectId.of("B")))
        .isEqualTo("bd5534cf97017a2720ad02e6c4b3ea5ba6ac98012f0bd69a54796bc1e0e73c24");
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    assertThat(lottery.digest(ProjectId.of("A")))
        .isEqualTo(
            HexFormat.of().formatHex(sha.digest((SEED + "A").getBytes(StandardCharsets.UTF_8))));
    CountingResult result = greedy(threeWayTie(), lottery);

    // digests: B bd55…, C c5fd…, A c927…
    assertThat(ids(result.winners())).containsExactly("B", "C");
    Tie tie = result.ties().get(0);
    assertThat(ids(tie.projects())).containsExactly("B", "C", "A");
    assertThat(tie.rule().publishedSeed()).contains(SEED);
    assertThat(text(result, "A", Locale.ENGLISH))
        .contains("the tie-breaking rule (a public lottery) put them in the order B, C, A.")
        .endsWith(
            "The lottery’s order comes from the seed “"
                + SEED
                + "”, published before the count: each project is placed by the SHA-256 digest of"
                + " the seed followed by its id, lowest first.");
    assertThat(greedy(threeWayTie(), new TieBreaking.Lottery(SEED))).isEqualTo(result);
    // another seed, another order: C 9a86…, A c51f…, B f166…
    assertThat(ids(greedy(threeWayTie(), new TieBreaking.Lottery("seed 2")).winners()))
        .containsExactly("C", "A");
  }

  @Test
  void equalSharesNamesTheTieThatLeftAProjectOut() {
    CountingResult result =
        CountingRules.named("mes")
            .count(CountingRulesTest.example(Set.of()), CountingOptions.defaults());

    // A and B cost their 6 supporters the same per euro; A wins and B is then unaffordable. C and D
    // tie as well in round 2, but both are funded: that tie changed nothing and is not named.
    assertThat(ids(result.winners())).containsExactly("A", "C", "D");
    assertThat(result.ties()).hasSize(1);
    Tie tie = result.ties().get(0);
    assertThat(ids(tie.projects())).containsExactly("A", "B");
    assertThat(tie.step()).isEqualTo(1);
    assertThat(tie.quantity()).isEqualTo(Tie.Quantity.PRICE);
    assertThat(tie.value()).isEqualTo(Rational.of(1, 6));
    assertThat(result.ties(ProjectId.of("C"))).isEmpty();
    assertThat(text(result, "B", Locale.ENGLISH))
        .endsWith(
            "In round 1 it was tied with project A at the same price per unit of satisfaction"
                + " (0.166667): the tie-breaking rule (lowest project id first) put them in the"
                + " order A, B.");
    assertThat(text(result, "B", Locale.FRENCH)).contains("Au tour 1, il était à égalité");
    assertThat(text(result, "B", NL)).contains("In ronde 1 stond het gelijk met project A");
  }

  @Test
  void equalSharesWithAnotherRuleFundsTheOtherProjectAndSaysSo() {
    CountingResult result =
        CountingRules.named("mes")
            .count(
                CountingRulesTest.example(Set.of()),
                CountingOptions.defaults()
                    .withTieBreaking(
                        new TieBreaking.Listed(List.of(ProjectId.of("B"), ProjectId.of("A")))));

    assertThat(ids(result.winners())).containsExactly("B", "C", "D");
    assertThat(ids(result.ties().get(0).projects())).containsExactly("B", "A");
    assertThat(text(result, "A", Locale.ENGLISH))
        .contains("the tie-breaking rule (the priority list) put them in the order B, A.");
  }

  @Test
  void addOneReportsTheTiesOfTheRunItKeeps() {
    CountingResult result =
        CountingRules.named("mes")
            .count(
                CountingRulesTest.example(Set.of()),
                CountingOptions.defaults().withCompletion(Completion.add1()));

    assertThat(result.ties()).extracting(t -> ids(t.projects())).containsExactly(List.of("A", "B"));
  }

  @Test
  void phragmenNamesTheTieOnLoads() {
    CountingResult result =
        CountingRules.named("phragmen").count(twoGroups(), CountingOptions.defaults());

    assertThat(ids(result.winners())).containsExactly("A");
    Tie tie = result.ties().get(0);
    assertThat(ids(tie.projects())).containsExactly("A", "B");
    assertThat(tie.quantity()).isEqualTo(Tie.Quantity.LOAD);
    assertThat(tie.value()).isEqualTo(Rational.of(20));
    assertThat(text(result, "B", Locale.ENGLISH))
        .endsWith(
            "In round 1 it was tied with project A at the same load of 20 EUR: the tie-breaking"
                + " rule (lowest project id first) put them in the order A, B.");
    assertThat(text(result, "A", Locale.FRENCH))
        .endsWith(
            "Au tour 1, il était à égalité avec le projet B à la même charge de 20 EUR : la règle"
                + " de départage (le plus petit identifiant de projet d’abord) les a classés dans"
                + " l’ordre A, B.");
  }

  @Test
  void greedyByVotesPerCostNamesItsQuantity() {
    CountingResult result =
        CountingRules.named("greedy")
            .count(
                twoGroups(), CountingOptions.defaults().withSatisfaction(Satisfaction.CARDINALITY));

    Tie tie = result.ties().get(0);
    assertThat(tie.quantity()).isEqualTo(Tie.Quantity.VOTES_PER_COST);
    assertThat(tie.value()).isEqualTo(Rational.of(3, 60));
    assertThat(text(result, "B", Locale.ENGLISH))
        .contains("It was tied with project A on 0.05 votes per EUR");
  }

  @Test
  void aTieThatChangedNothingIsNotNamed() {
    // Greedy: A and B both have 6 votes and both fit; C and D both have 4 votes and neither fits.
    CountingResult greedy =
        CountingRules.named("greedy")
            .count(CountingRulesTest.example(Set.of()), CountingOptions.defaults());
    // Only one project fits, and the other is too expensive whatever the order.
    Election oneFits =
        new Election(
            new BigDecimal("100"),
            "EUR",
            List.of(ElectionProject.of("A", 60), ElectionProject.of("B", 200)),
            List.of(Ballot.Approval.of(ProjectId.of("A"), ProjectId.of("B"))));

    assertThat(greedy.ties()).isEmpty();
    assertThat(greedy.notes()).isEmpty();
    assertThat(greedy(oneFits, TieBreaking.byId()).ties()).isEmpty();
    assertThat(greedy(oneFits, new TieBreaking.ProjectOrder()).ties()).isEmpty();
  }

  @Test
  void aBudgetNamesItsRule() {
    assertThat(TieBreaking.named("project-id", Optional.empty())).isEqualTo(TieBreaking.byId());
    assertThat(TieBreaking.named("project-order", Optional.empty()))
        .isEqualTo(new TieBreaking.ProjectOrder());
    assertThat(TieBreaking.named("fewer-cost", Optional.empty()))
        .isEqualTo(new TieBreaking.FewerCostFirst());
    assertThat(TieBreaking.named("lottery", Optional.of(SEED)))
        .isEqualTo(new TieBreaking.Lottery(SEED));
    assertThat(TieBreaking.NAMES).startsWith("project-id");
    assertThat(CountingOptions.defaults().tieBreaking().name()).isEqualTo("project-id");
    assertThatThrownBy(() -> TieBreaking.named("coin", Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'coin'")
        .hasMessageContaining("lottery");
    assertThatThrownBy(() -> TieBreaking.named("lottery", Optional.empty()))
        .hasMessageContaining("needs the seed");
    assertThatThrownBy(() -> TieBreaking.named("fewer-cost", Optional.of(SEED)))
        .hasMessageContaining("takes no seed");
    assertThatThrownBy(() -> new TieBreaking.Lottery("  ")).hasMessageContaining("blank");
  }
}
