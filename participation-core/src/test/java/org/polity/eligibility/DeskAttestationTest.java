package org.polity.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.polity.identity.AgeBand;
import org.polity.process.ParticipationAction;
import org.polity.testing.TestKeys;

class DeskAttestationTest {

  private static final EligibilityPolicy TEN_AND_OVER_IDENTIFIED_AT_A_DESK =
      EligibilityPolicy.builder()
          .rule(
              ParticipationAction.VOTE,
              Rules.allOf(
                  Rules.minimumAge(10, ReferenceDate.decisionDay()),
                  Rules.identifiedAtLeast(VerificationLevel.DESK)))
          .build();

  private static final EligibilityPolicy TEN_TO_SEVENTEEN =
      EligibilityPolicy.builder()
          .rule(ParticipationAction.VOTE, Rules.ageBetween(10, 17, ReferenceDate.decisionDay()))
          .build();

  private static Decision decide(EligibilityPolicy policy, DeskAttestation seen) {
    return seen.decide(policy, ParticipationAction.VOTE, TestKeys.person(1), Fixtures.NOW);
  }

  private static DeskAttestation card(LocalDate birthDate) {
    return new DeskAttestation(
        DeskAttestation.Document.IDENTITY_CARD,
        Optional.of(birthDate),
        Optional.empty(),
        Optional.empty());
  }

  private static DeskAttestation band(int from, Integer to) {
    return new DeskAttestation(
        DeskAttestation.Document.PASSPORT,
        Optional.empty(),
        Optional.of(new AgeBand(from, to)),
        Optional.empty());
  }

  @Test
  void aNineYearOldIsRefusedAtTheDeskAsOnline() {
    LocalDate today = Fixtures.NOW.today();
    Decision nine = decide(TEN_AND_OVER_IDENTIFIED_AT_A_DESK, card(today.minusYears(9)));
    assertThat(nine).isInstanceOf(Decision.Ineligible.class);
    Decision ten = decide(TEN_AND_OVER_IDENTIFIED_AT_A_DESK, card(today.minusYears(10)));
    assertThat(ten.isEligible()).isTrue();
  }

  @Test
  void withoutADocumentTheIdentityIsOnlySelfDeclared() {
    DeskAttestation noDocument =
        new DeskAttestation(
            DeskAttestation.Document.NONE,
            Optional.of(Fixtures.NOW.today().minusYears(30)),
            Optional.empty(),
            Optional.empty());
    assertThat(decide(TEN_AND_OVER_IDENTIFIED_AT_A_DESK, noDocument).isEligible()).isFalse();
  }

  @Test
  void withoutAnAgeAnAgeRuleCannotBeResolved() {
    DeskAttestation nothingAboutAge =
        new DeskAttestation(
            DeskAttestation.Document.IDENTITY_CARD,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    assertThat(decide(TEN_AND_OVER_IDENTIFIED_AT_A_DESK, nothingAboutAge))
        .isInstanceOf(Decision.Unresolved.class);
  }

  @Test
  void anAgeBandCountsOnlyWhenTheRuleAdmitsEveryAgeInIt() {
    assertThat(decide(TEN_AND_OVER_IDENTIFIED_AT_A_DESK, band(16, null)).isEligible()).isTrue();
    assertThat(decide(TEN_AND_OVER_IDENTIFIED_AT_A_DESK, band(8, null)).isEligible()).isFalse();
    assertThat(decide(TEN_TO_SEVENTEEN, band(12, 17)).isEligible()).isTrue();
    assertThat(decide(TEN_TO_SEVENTEEN, band(12, 18)).isEligible()).isFalse();
    assertThat(decide(TEN_TO_SEVENTEEN, band(12, null)).isEligible()).isFalse();
  }

  @Test
  void theBasisKeepsTheKindsOfEvidenceNeverTheirValues() {
    DeskAttestation.Basis basis = card(LocalDate.of(2001, 2, 3)).basis();
    assertThat(basis.documentName()).isEqualTo("identity-card");
    assertThat(basis.age()).isEqualTo("birth-date");
    assertThat(basis.residence()).isEqualTo("none");
    assertThat(basis.toString()).doesNotContain("2001");
    assertThat(band(16, null).basis().age()).isEqualTo("age-band");
    assertThatThrownBy(
            () ->
                new DeskAttestation(
                    DeskAttestation.Document.PASSPORT,
                    Optional.of(LocalDate.of(2001, 2, 3)),
                    Optional.of(new AgeBand(16, null)),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not both");
  }
}
