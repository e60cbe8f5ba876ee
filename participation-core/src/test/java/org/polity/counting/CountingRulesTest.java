package org.polity.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.polity.ballot.Ballot;
import org.polity.common.ProjectId;

/**
 * The worked example of docs/counting.md: 10 voters, 100 EUR; 6 voters want A (60) and B (40), 4
 * voters want C (30) and D (10).
 */
class CountingRulesTest {

  static Election example(Set<String> sport) {
    List<ElectionProject> projects = new ArrayList<>();
    for (String[] p : new String[][] {{"A", "60"}, {"B", "40"}, {"C", "30"}, {"D", "10"}}) {
      projects.add(
          new ElectionProject(
              ProjectId.of(p[0]),
              new BigDecimal(p[1]),
              "Project " + p[0],
              sport.contains(p[0]) ? Set.of("sport") : Set.of("culture"),
              Optional.empty()));
    }
    List<Ballot> ballots = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      ballots.add(Ballot.Approval.of(ProjectId.of("A"), ProjectId.of("B")));
    }
    for (int i = 0; i < 4; i++) {
      ballots.add(Ballot.Approval.of(ProjectId.of("C"), ProjectId.of("D")));
    }
    return new Election(new BigDecimal("100"), "EUR", projects, ballots);
  }

  static List<String> winners(CountingResult result) {
    return result.winners().stream().map(ProjectId::value).toList();
  }

  static CountingResult count(String rule, CountingOptions options) {
    return CountingRules.named(rule).count(example(Set.of()), options);
  }

  @Test
  void greedyGivesEverythingToTheMajorityAndSaysWhy() {
    CountingResult result = count("greedy", CountingOptions.defaults());

    assertThat(winners(result)).containsExactly("A", "B");
    assertThat(result.cost()).isEqualByComparingTo("100");
    Explanation c = result.explanations().get(ProjectId.of("C"));
    assertThat(c.funded()).isFalse();
    assertThat(c.text(Locale.ENGLISH))
        .isEqualTo(
            "Not funded: with 4 votes it came after project B, and only 0 EUR remained for its 30 EUR cost.");
    assertThat(c.text(Locale.FRENCH))
        .startsWith("Non financé : avec 4 voix, il est arrivé après le projet B");
    assertThat(c.text(Locale.forLanguageTag("nl")))
        .startsWith("Niet gefinancierd: met 4 stemmen kwam het na project B");
    assertThat(result.explanations().get(ProjectId.of("A")).text(Locale.ENGLISH))
        .startsWith("Funded: with 6 votes");
  }

  @Test
  void equalSharesFundsEachGroupInProportion() {
    CountingResult result = count("mes", CountingOptions.defaults());

    assertThat(winners(result)).containsExactly("A", "C", "D");
    assertThat(result.cost()).isEqualByComparingTo("100");
    assertThat(result.explanations().get(ProjectId.of("A")).text(Locale.ENGLISH))
        .isEqualTo(
            "Funded in round 1: its 6 supporters each paid 10 EUR of its 60 EUR cost."
                + " In round 1 it was tied with project B at the same price per unit of"
                + " satisfaction (0.166667): the tie-breaking rule (lowest project id first) put"
                + " them in the order A, B.");
    assertThat(result.explanations().get(ProjectId.of("C")).text(Locale.ENGLISH))
        .isEqualTo("Funded in round 2: its 4 supporters each paid 7.5 EUR of its 30 EUR cost.");
    assertThat(result.explanations().get(ProjectId.of("B")).text(Locale.ENGLISH))
        .startsWith(
            "Not funded: in round 2 its 6 supporters had only 0 EUR left together, less than its 40 EUR cost."
                + " In round 1 it was tied with project A");
    assertThat(result.explanations().get(ProjectId.of("B")).reasons().get(0).code())
        .isEqualTo("mes.unaffordable");
  }

  @Test
  void addOneStopsAtOnceWhenNothingMoreFits() {
    CountingResult result =
        count("mes", CountingOptions.defaults().withCompletion(Completion.add1()));

    assertThat(winners(result)).containsExactly("A", "C", "D");
    assertThat(result.notes().get(0).text(Locale.ENGLISH))
        .isEqualTo(
            "The money per voter (10 EUR) was not raised: the first outcome left no room for another project.");
  }

  @Test
  void sequentialPhragmenBalancesLoadsAndStopsWithoutSkipping() {
    CountingResult result = count("phragmen", CountingOptions.defaults());

    assertThat(winners(result)).containsExactly("D", "B", "C");
    assertThat(result.cost()).isEqualByComparingTo("80");
    assertThat(result.explanations().get(ProjectId.of("A")).text(Locale.ENGLISH))
        .contains("counting stopped in round 4 because project A");
  }

  @Test
  void tieBreakingIsAnExplicitOption() {
    CountingOptions bFirst =
        CountingOptions.defaults()
            .withTieBreaking(new TieBreaking.Listed(List.of(ProjectId.of("B"), ProjectId.of("A"))));

    assertThat(winners(count("mes", bFirst))).containsExactly("B", "C", "D");
    assertThat(winners(count("greedy", bFirst))).containsExactly("B", "A");
  }

  @Test
  void codePointOrderDiffersFromUtf16OrderBeyondTheBasicPlane() {
    ProjectId privateUse = ProjectId.of("\uFF21"); // U+FF21, fullwidth A
    ProjectId emoji = ProjectId.of("\uD83D\uDE00"); // U+1F600

    assertThat(TieBreaking.byId().order().compare(privateUse, emoji)).isNegative();
    assertThat(new TieBreaking.ByIdUtf16().order().compare(privateUse, emoji)).isPositive();
    assertThat(TieBreaking.byId().order().compare(ProjectId.of("10"), ProjectId.of("9")))
        .isNegative();
  }

  @Test
  void aMinimumShareOfVotesMakesProjectsIneligible() {
    CountingOptions options =
        CountingOptions.defaults()
            .withLimits(new Limits(new BigDecimal("0.5"), Map.of(), Map.of()));

    CountingResult result = count("mes", options.withCompletion(Completion.greedy()));

    assertThat(winners(result)).containsExactly("A", "B");
    assertThat(result.explanations().get(ProjectId.of("B")).reasons().get(1).code())
        .isEqualTo("completion.funded");
    Explanation d = result.explanations().get(ProjectId.of("D"));
    assertThat(d.reasons().get(0).code()).isEqualTo("threshold");
    assertThat(d.text(Locale.ENGLISH))
        .isEqualTo(
            "Not eligible: 4 ballots named it, 40% of the 10 ballots, below the minimum of 50%.");
  }

  @Test
  void aCapPerThemeIsRespectedByEveryRule() {
    Election election = example(Set.of("A", "B"));
    CountingOptions capped =
        CountingOptions.defaults()
            .withLimits(
                new Limits(BigDecimal.ZERO, Map.of("sport", new BigDecimal("70")), Map.of()));

    CountingResult greedy = CountingRules.named("greedy").count(election, capped);

    assertThat(winners(greedy)).containsExactly("A", "C", "D");
    assertThat(greedy.explanations().get(ProjectId.of("B")).text(Locale.ENGLISH))
        .isEqualTo(
            "Not funded: the theme sport is capped at 70 EUR; 60 EUR was already committed and this project costs 40 EUR."
                + " It was tied with project A on 6 votes: the tie-breaking rule (lowest project id"
                + " first) put them in the order A, B.");
    for (String rule : List.of("mes", "phragmen")) {
      CountingResult result = CountingRules.named(rule).count(election, capped);
      BigDecimal sport = BigDecimal.ZERO;
      for (ProjectId id : result.winners()) {
        if (Set.of("A", "B").contains(id.value())) {
          sport =
              sport.add(
                  election.projects().stream()
                      .filter(p -> p.id().equals(id))
                      .findFirst()
                      .orElseThrow()
                      .cost());
        }
      }
      assertThat(sport).as(rule).isLessThanOrEqualTo(new BigDecimal("70"));
    }
  }

  @Test
  void rulesRefuseOptionsTheyDoNotHave() {
    assertThatThrownBy(
            () -> count("greedy", CountingOptions.defaults().withCompletion(Completion.add1())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("greedy rule has no completion");
    assertThatThrownBy(
            () -> count("mes", CountingOptions.defaults().withSatisfaction(Satisfaction.BORDA)))
        .hasMessageContaining("Borda satisfaction needs ordinal");
    assertThatThrownBy(() -> CountingRules.named("dhondt"))
        .hasMessageContaining("no counting rule named 'dhondt'")
        .hasMessageContaining("mes");
    assertThat(CountingRules.names()).containsExactly("greedy", "mes", "phragmen");
  }

  @Test
  void everyExplanationRendersInThreeLanguages() {
    for (String rule : List.of("greedy", "mes", "phragmen")) {
      for (Explanation e : count(rule, CountingOptions.defaults()).explanations().values()) {
        String en = e.text(Locale.ENGLISH);
        String fr = e.text(Locale.FRENCH);
        String nl = e.text(Locale.forLanguageTag("nl"));
        assertThat(Set.of(en, fr, nl)).as(rule + " " + e.project()).hasSize(3);
        assertThat(en + fr + nl).doesNotContain("{");
      }
    }
  }
}
