package org.polity.sortition;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Infeasible quotas are named and the smallest relaxation is suggested. */
class FeasibilityTest {

  private static Respondent person(String id, String f1, String f2, String f3) {
    return new Respondent(id, Map.of("f1", f1, "f2", f2, "f3", f3));
  }

  @Test
  void upstreamExample4CannotBeRelaxedWithinItsFlexBounds() {
    // sortition-algorithms' example4: no panel at all, and min_flex = max_flex = 0 forbids
    // relaxing.
    Pool pool =
        Pool.of(
            List.of(
                person("a", "v1", "v1", "v1"),
                person("b", "v1", "v2", "v2"),
                person("c", "v2", "v1", "v2"),
                person("d", "v2", "v2", "v1")));
    List<Quota> quotas = new ArrayList<>();
    for (String f : List.of("f1", "f2", "f3")) {
      quotas.add(new Quota(f, "v1", 1, 1, OptionalInt.of(0), OptionalInt.of(1)));
      quotas.add(new Quota(f, "v2", 0, 2, OptionalInt.of(0), OptionalInt.of(2)));
    }
    SelectionProblem problem = new SelectionProblem(pool, 2, quotas, HouseholdRule.none());
    SelectionOutcome outcome = Sortition.select(problem, SelectionOptions.of(Algorithm.LEXIMIN, 1));
    assertThat(outcome).isInstanceOf(SelectionOutcome.Infeasible.class);
    Infeasibility why = ((SelectionOutcome.Infeasible) outcome).infeasibility();
    assertThat(why.reasons()).isNotEmpty();
    assertThat(why.message()).contains("cannot be met");
  }

  @Test
  void namesTheQuotasAndSuggestsTheSmallestRelaxation() throws IOException {
    SelectionProblem base = SharedPoolsTest.fixtures();
    // Ask for 15 women and at least 10 men on 22 seats: 3 seats too many.
    List<Quota> quotas = new ArrayList<>();
    for (Quota q : base.quotas()) {
      if (q.label().equals("Gender=Female")) {
        quotas.add(
            new Quota(q.feature(), q.value(), 15, 15, OptionalInt.of(0), OptionalInt.of(22)));
      } else {
        quotas.add(q);
      }
    }
    SelectionProblem problem = new SelectionProblem(base.pool(), 22, quotas, base.householdRule());
    Infeasibility why = Sortition.checkFeasibility(problem).orElseThrow();
    int moved =
        why.relaxation().stream()
            .mapToInt(
                r -> (r.quota().min() - r.suggestedMin()) + (r.suggestedMax() - r.quota().max()))
            .sum();
    assertThat(moved).isEqualTo(3);
    assertThat(why.relaxation())
        .allSatisfy(r -> assertThat(r.quota().feature()).isEqualTo("Gender"));
    assertThat(why.reasons()).hasSameSizeAs(why.relaxation());
    assertThat(why.message()).contains("Smallest relaxation").contains("Gender=");
    assertThat(why.message(java.util.Locale.FRENCH))
        .contains("Assouplissement minimal")
        .contains("vivier");
    assertThat(why.message(java.util.Locale.forLanguageTag("nl")))
        .contains("Kleinste versoepeling");
    // Applying the suggestion makes the draw possible.
    List<Quota> relaxed = new ArrayList<>();
    for (Quota q : quotas) {
      QuotaRelaxation r =
          why.relaxation().stream().filter(x -> x.quota().equals(q)).findFirst().orElse(null);
      relaxed.add(
          r == null
              ? q
              : new Quota(
                  q.feature(),
                  q.value(),
                  r.suggestedMin(),
                  r.suggestedMax(),
                  q.minFlex(),
                  q.maxFlex()));
    }
    assertThat(
            Sortition.checkFeasibility(
                new SelectionProblem(base.pool(), 22, relaxed, base.householdRule())))
        .isEmpty();
  }

  @Test
  void respectsMinFlex() throws IOException {
    SelectionProblem base = SharedPoolsTest.fixtures();
    // Men may not go below 10 (min_flex 10), so the relaxation must lower the women's minimum.
    List<Quota> quotas = new ArrayList<>();
    for (Quota q : base.quotas()) {
      if (q.label().equals("Gender=Female")) {
        quotas.add(
            new Quota(q.feature(), q.value(), 15, 15, OptionalInt.of(0), OptionalInt.of(22)));
      } else if (q.label().equals("Gender=Male")) {
        quotas.add(
            new Quota(q.feature(), q.value(), 10, 11, OptionalInt.of(10), OptionalInt.of(12)));
      } else {
        quotas.add(q);
      }
    }
    Infeasibility why =
        Sortition.checkFeasibility(
                new SelectionProblem(base.pool(), 22, quotas, base.householdRule()))
            .orElseThrow();
    assertThat(why.relaxation())
        .anySatisfy(r -> assertThat(r.quota().label()).isEqualTo("Gender=Female"))
        .noneSatisfy(r -> assertThat(r.quota().label()).isEqualTo("Gender=Male"));
  }

  @Test
  void badInputIsRefusedWithTheValueAndTheFix() {
    Pool pool = Pool.of(List.of(person("a", "v1", "v1", "v1"), person("b", "v9", "v1", "v1")));
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () ->
                    new SelectionProblem(
                        pool, 1, List.of(Quota.of("f1", "v1", 0, 1)), HouseholdRule.none())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b")
        .hasMessageContaining("v9");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowable(
                () -> new SelectionProblem(pool, 3, List.of(), HouseholdRule.none())))
        .hasMessageContaining("exceeds the pool");
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Quota.of("f", "v", 3, 2)))
        .hasMessageContaining("min 3 and max 2");
  }
}
