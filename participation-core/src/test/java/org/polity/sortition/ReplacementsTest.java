package org.polity.sortition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Replacing a member who withdraws keeps every quota and the household rule. */
class ReplacementsTest {

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void replacementKeepsQuotasAndIsReproducible(long seed) throws IOException {
    // Wide quotas: a replacement always exists.
    SelectionProblem problem = SortitionFixtures.derivedProblem("example_small_20", 20);
    Panel panel =
        SortitionFixtures.select(problem, Algorithm.LEXIMIN, seed).lottery().tickets().get(0);
    String leaving = panel.memberIds().get((int) seed % panel.size());
    Replacements.Outcome outcome = Replacements.replace(problem, panel, leaving, Set.of(), seed);
    assertThat(outcome).isInstanceOf(Replacements.Replaced.class);
    Replacements.Replaced replaced = (Replacements.Replaced) outcome;
    assertThat(replaced.panel().contains(leaving)).isFalse();
    assertThat(replaced.panel().contains(replaced.replacement())).isTrue();
    assertThat(problem.violations(replaced.panel().memberIds())).isEmpty();
    assertThat(replaced.candidates()).contains(replaced.replacement()).doesNotContain(leaving);
    assertThat(Replacements.replace(problem, panel, leaving, Set.of(), seed)).isEqualTo(outcome);
    // Someone who already declined is never asked.
    Replacements.Outcome again =
        Replacements.replace(problem, panel, leaving, Set.of(replaced.replacement()), seed);
    if (again instanceof Replacements.Replaced r) {
      assertThat(r.replacement()).isNotEqualTo(replaced.replacement());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void onTightQuotasEitherKeepsThemOrProvesNobodyCan(long seed) throws IOException {
    SelectionProblem problem = SharedPoolsTest.fixtures();
    Panel panel =
        SortitionFixtures.select(problem, Algorithm.LEXIMIN, 1)
            .lottery()
            .tickets()
            .get((int) seed * 100);
    for (String leaving : panel.memberIds()) {
      Replacements.Outcome outcome = Replacements.replace(problem, panel, leaving, Set.of(), seed);
      java.util.List<String> rest = new java.util.ArrayList<>(panel.memberIds());
      rest.remove(leaving);
      long possible =
          problem.pool().respondents().stream()
              .filter(r -> !panel.contains(r.id()))
              .filter(
                  r -> {
                    java.util.List<String> trial = new java.util.ArrayList<>(rest);
                    trial.add(r.id());
                    return problem.violations(trial).isEmpty();
                  })
              .count();
      if (outcome instanceof Replacements.Replaced replaced) {
        assertThat(problem.violations(replaced.panel().memberIds())).isEmpty();
        assertThat(replaced.candidates()).hasSize((int) possible);
      } else {
        assertThat(possible).as("candidates for %s", leaving).isZero();
      }
    }
  }

  @Test
  void saysSoWhenNobodyKeepsTheQuotas() {
    // example1 with the address rule: only marge is an adult Simpson.
    Pool pool =
        Pool.of(
            List.of(
                new Respondent(
                    "lisa", java.util.Map.of("age", "child", "franchise", "simpsons", "home", "1")),
                new Respondent(
                    "marge",
                    java.util.Map.of("age", "adult", "franchise", "simpsons", "home", "3")),
                new Respondent(
                    "louie",
                    java.util.Map.of("age", "child", "franchise", "ducktales", "home", "2")),
                new Respondent(
                    "dewey",
                    java.util.Map.of("age", "child", "franchise", "ducktales", "home", "2")),
                new Respondent(
                    "scrooge",
                    java.util.Map.of("age", "adult", "franchise", "ducktales", "home", "1"))));
    SelectionProblem problem =
        new SelectionProblem(
            pool,
            2,
            List.of(
                Quota.of("age", "child", 1, 2),
                Quota.of("age", "adult", 1, 2),
                Quota.of("franchise", "simpsons", 1, 2),
                Quota.of("franchise", "ducktales", 1, 2)),
            HouseholdRule.on("home"));
    Panel panel = new Panel(List.of("marge", "louie"));
    assertThat(Replacements.replace(problem, panel, "marge", Set.of(), 1))
        .isInstanceOf(Replacements.NoReplacement.class);
    Replacements.Outcome louie = Replacements.replace(problem, panel, "louie", Set.of(), 1);
    assertThat(louie).isInstanceOf(Replacements.Replaced.class);
    assertThat(((Replacements.Replaced) louie).candidates()).containsExactly("dewey");
  }
}
