package org.polity.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.polity.eligibility.Fixtures.NOW;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polity.common.LocalizedText;
import org.polity.geo.GeoPoint;

/**
 * Randomized tests with fixed seeds: composed decisions compared with a direct oracle, on synthetic
 * leaves (three-valued) and on real building blocks (two-valued).
 */
class CompositionTest {

  /** A formula over leaves, evaluated by the oracle (Kleene logic: null = unknown). */
  private sealed interface Formula permits Leaf, And, Or, Negation {}

  private record Leaf(int index) implements Formula {}

  private record And(List<Formula> parts) implements Formula {}

  private record Or(List<Formula> parts) implements Formula {}

  private record Negation(Formula part) implements Formula {}

  private static Formula randomFormula(Random random, int depth, int leaves) {
    if (depth == 0 || random.nextInt(4) == 0) {
      return new Leaf(random.nextInt(leaves));
    }
    int kind = random.nextInt(3);
    if (kind == 2) {
      return new Negation(randomFormula(random, depth - 1, leaves));
    }
    List<Formula> parts = new ArrayList<>();
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n; i++) {
      parts.add(randomFormula(random, depth - 1, leaves));
    }
    return kind == 0 ? new And(parts) : new Or(parts);
  }

  private static Boolean oracle(Formula formula, Boolean[] values) {
    if (formula instanceof Leaf leaf) {
      return values[leaf.index()];
    }
    if (formula instanceof Negation negation) {
      Boolean inner = oracle(negation.part(), values);
      return inner == null ? null : !inner;
    }
    boolean and = formula instanceof And;
    List<Formula> parts = and ? ((And) formula).parts() : ((Or) formula).parts();
    boolean unknown = false;
    for (Formula part : parts) {
      Boolean value = oracle(part, values);
      if (value == null) {
        unknown = true;
      } else if (value != and) {
        return !and; // a false in an AND, a true in an OR decides
      }
    }
    return unknown ? null : and;
  }

  private static EligibilityRule toRule(Formula formula, EligibilityRule[] leaves) {
    if (formula instanceof Leaf leaf) {
      return leaves[leaf.index()];
    }
    if (formula instanceof Negation negation) {
      return Rules.not(toRule(negation.part(), leaves));
    }
    List<Formula> parts = formula instanceof And and ? and.parts() : ((Or) formula).parts();
    EligibilityRule[] rules =
        parts.stream().map(p -> toRule(p, leaves)).toArray(EligibilityRule[]::new);
    return formula instanceof And ? Rules.allOf(rules) : Rules.anyOf(rules);
  }

  private static Boolean verdict(Decision decision) {
    if (decision instanceof Decision.Eligible) {
      return true;
    }
    return decision instanceof Decision.Ineligible ? Boolean.FALSE : null;
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void composedDecisionsFollowThreeValuedLogic(long seed) {
    Random random = new Random(seed);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(5);
      Boolean[] values = new Boolean[n];
      EligibilityRule[] leaves = new EligibilityRule[n];
      for (int i = 0; i < n; i++) {
        int pick = random.nextInt(3);
        values[i] = pick == 0 ? Boolean.TRUE : pick == 1 ? Boolean.FALSE : null;
        // Distinct reasons per leaf so that reasons can be traced back.
        Reason reason =
            Reason.of(
                pick == 1 ? ReasonCode.NOT_IN_CENSUS : ReasonCode.CENSUS_UNAVAILABLE, "leaf " + i);
        Decision fixed =
            pick == 0
                ? Decision.eligible()
                : pick == 1 ? Decision.ineligible(reason) : Decision.unresolved(reason);
        leaves[i] = (evidence, context) -> fixed;
      }
      Formula formula = randomFormula(random, 4, n);

      Decision decision = toRule(formula, leaves).decide(Evidence.none(), NOW);

      assertThat(verdict(decision))
          .as("formula %s with leaves %s", formula, java.util.Arrays.toString(values))
          .isEqualTo(oracle(formula, values));
      assertThat(decision.reasons().isEmpty()).isEqualTo(decision.isEligible());
      // Every reason comes from a leaf, or is the exclusion of a negation.
      for (Reason reason : decision.reasons()) {
        assertThat(reason.code())
            .isIn(ReasonCode.NOT_IN_CENSUS, ReasonCode.CENSUS_UNAVAILABLE, ReasonCode.EXCLUDED);
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {101, 102, 103, 104, 105})
  void realBlocksMatchADirectBooleanOracle(long seed) {
    Random random = new Random(seed);
    LocalDate votingDay = LocalDate.of(2026, 5, 31);
    LocalizedText name = LocalizedText.of("en", "the municipality");
    for (int trial = 0; trial < 300; trial++) {
      int minimumAge = random.nextInt(30);
      String code = "2100" + (1 + random.nextInt(3));
      String postal = "1" + (100 + random.nextInt(3));
      boolean negatePostal = random.nextBoolean();
      EligibilityRule rule =
          Rules.allOf(
              Rules.minimumAge(minimumAge, ReferenceDate.on(votingDay)),
              Rules.anyOf(
                  Rules.livesInMunicipality(name, code),
                  negatePostal
                      ? Rules.not(Rules.livesAtPostalCode(postal))
                      : Rules.livesAtPostalCode(postal)));

      LocalDate birth = votingDay.minusDays(random.nextInt(40 * 366));
      String personCode = "2100" + (1 + random.nextInt(3));
      String personPostal = "1" + (100 + random.nextInt(3));
      Evidence evidence =
          Fixtures.person(
              trial, birth, new Address(personCode, personPostal, GeoPoint.of(4.4, 50.8)));

      Decision decision = rule.decide(evidence, NOW);

      int age = java.time.Period.between(birth, votingDay).getYears();
      boolean postalOk = personPostal.equals(postal) != negatePostal;
      boolean expected = age >= minimumAge && (personCode.equals(code) || postalOk);
      assertThat(decision.isEligible()).as("trial %d", trial).isEqualTo(expected);
      if (!expected) {
        assertThat(decision).isInstanceOf(Decision.Ineligible.class);
        // Every failing condition of the allOf shows up as a reason.
        if (age < minimumAge) {
          assertThat(decision.reasons()).extracting(Reason::code).contains(ReasonCode.TOO_YOUNG);
        }
        if (!(personCode.equals(code) || postalOk)) {
          assertThat(decision.reasons()).extracting(Reason::code).contains(ReasonCode.NOT_RESIDENT);
        }
      }
    }
  }

  @Test
  void everyReasonIsGivenNotJustTheFirst() {
    Decision decision =
        Rules.allOf(
                Rules.minimumAge(10, ReferenceDate.decisionDay()),
                Rules.livesAtPostalCode("1160"),
                Rules.identifiedAtLeast(VerificationLevel.DESK))
            .decide(Evidence.none(), NOW);
    assertThat(decision.reasons())
        .extracting(Reason::code)
        .containsExactly(
            ReasonCode.BIRTH_DATE_MISSING, ReasonCode.ADDRESS_MISSING, ReasonCode.IDENTITY_MISSING);
    assertThat(decision.status()).isEqualTo(Status.MISSING);
  }

  @Test
  void aKnownRefusalOutweighsMissingEvidenceInAnAllOf() {
    Decision decision =
        Rules.allOf(
                Rules.minimumAge(10, ReferenceDate.decisionDay()), Rules.livesAtPostalCode("1160"))
            .decide(Fixtures.person(1, LocalDate.of(2020, 1, 1), null), NOW);
    assertThat(decision).isInstanceOf(Decision.Ineligible.class);
    assertThat(decision.reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.TOO_YOUNG, ReasonCode.ADDRESS_MISSING);
    assertThat(decision.status()).isEqualTo(Status.UNAUTHORISED);
  }

  @Test
  void statusesOfUnresolvedDecisionsPutWhatToDoFirst() {
    assertThat(
            Decision.unresolved(
                    Reason.of(ReasonCode.ADDRESS_PENDING), Reason.of(ReasonCode.BIRTH_DATE_EXPIRED))
                .status())
        .isEqualTo(Status.EXPIRED);
    assertThat(
            Decision.unresolved(
                    Reason.of(ReasonCode.TOO_YOUNG, 10, LocalDate.of(2026, 1, 1)),
                    Reason.of(ReasonCode.IDENTITY_MISSING))
                .status())
        .isEqualTo(Status.MISSING);
    assertThatThrownBy(() -> Decision.unresolved(Reason.of(ReasonCode.EXCLUDED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Ineligible");
    assertThatThrownBy(Rules::allOf)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Rules.everyone()");
  }
}
