package org.polity.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.polity.eligibility.Fixtures.BRUSSELS;
import static org.polity.eligibility.Fixtures.NOW;
import static org.polity.eligibility.Fixtures.bornOn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exact cases for ages on reference dates: birthdays, leap days, time zones, verification. */
class AgeRuleTest {

  private static final LocalDate VOTING_DAY = LocalDate.of(2026, 5, 31);
  private static final EligibilityRule TEN_ON_VOTING_DAY =
      Rules.minimumAge(10, ReferenceDate.on(VOTING_DAY));

  @ParameterizedTest(name = "born {0}: eligible {1}")
  @CsvSource({
    "2016-05-31, true", // tenth birthday on the voting day itself
    "2016-06-01, false", // one day short
    "2016-05-30, true",
    "2000-01-01, true",
    "2020-01-01, false",
    "2026-06-01, false", // born after the reference date
  })
  void tenYearsOldOnTheVotingDay(LocalDate birth, boolean eligible) {
    Decision decision = TEN_ON_VOTING_DAY.decide(bornOn(birth), NOW);
    assertThat(decision.isEligible()).isEqualTo(eligible);
    if (!eligible) {
      assertThat(decision)
          .isEqualTo(Decision.ineligible(Reason.of(ReasonCode.TOO_YOUNG, 10, VOTING_DAY)));
      assertThat(decision.status()).isEqualTo(Status.UNAUTHORISED);
    }
  }

  @ParameterizedTest(name = "born 29 Feb 2016, on {0}: age {1}")
  @CsvSource({
    "2026-02-27, 9",
    "2026-02-28, 9", // non-leap year: no 29 February, the birthday is 1 March
    "2026-03-01, 10",
    "2028-02-28, 11",
    "2028-02-29, 12", // leap year: the birthday is 29 February
    "2016-02-29, 0",
    "2016-02-28, -1",
  })
  void leapDayBirthsHaveTheirBirthdayOnTheFirstOfMarchInNonLeapYears(LocalDate on, int age) {
    assertThat(Rules.Age.ageOn(LocalDate.of(2016, 2, 29), on)).isEqualTo(age);
    Decision decision =
        Rules.minimumAge(10, ReferenceDate.on(on)).decide(bornOn(LocalDate.of(2016, 2, 29)), NOW);
    assertThat(decision.isEligible()).isEqualTo(age >= 10);
  }

  @Test
  void theDecisionDayIsTheDateInTheProcessTimeZone() {
    // 23:30 UTC on 30 May is already 31 May (01:30) in Brussels (summer time, UTC+2).
    Instant lateEvening = Instant.parse("2026-05-30T23:30:00Z");
    Evidence tenOn31May = bornOn(LocalDate.of(2016, 5, 31));
    EligibilityRule tenToday = Rules.minimumAge(10, ReferenceDate.decisionDay());

    assertThat(
            tenToday.decide(tenOn31May, EligibilityContext.at(lateEvening, BRUSSELS)).isEligible())
        .isTrue();
    assertThat(
            tenToday
                .decide(tenOn31May, EligibilityContext.at(lateEvening, ZoneId.of("UTC")))
                .isEligible())
        .isFalse();
    assertThat(
            tenToday.decide(
                tenOn31May, EligibilityContext.at(lateEvening, ZoneId.of("America/New_York"))))
        .isEqualTo(
            Decision.ineligible(Reason.of(ReasonCode.TOO_YOUNG, 10, LocalDate.of(2026, 5, 30))));
    // One minute before midnight in Brussels, still 30 May.
    assertThat(
            tenToday
                .decide(
                    tenOn31May,
                    EligibilityContext.at(Instant.parse("2026-05-30T21:59:00Z"), BRUSSELS))
                .isEligible())
        .isFalse();
  }

  @Test
  void maximumAndRangesIncludeTheirBounds() {
    EligibilityRule youth = Rules.ageBetween(16, 25, ReferenceDate.on(VOTING_DAY));
    assertThat(youth.decide(bornOn(LocalDate.of(2010, 5, 31)), NOW).isEligible()).isTrue(); // 16
    assertThat(youth.decide(bornOn(LocalDate.of(2000, 6, 1)), NOW).isEligible()).isTrue(); // 25
    assertThat(youth.decide(bornOn(LocalDate.of(2000, 5, 31)), NOW)) // 26
        .isEqualTo(Decision.ineligible(Reason.of(ReasonCode.TOO_OLD, 25, VOTING_DAY)));
    assertThat(
            Rules.maximumAge(25, ReferenceDate.on(VOTING_DAY))
                .decide(bornOn(LocalDate.of(2020, 1, 1)), NOW)
                .isEligible())
        .isTrue();
    assertThatThrownBy(() -> Rules.ageBetween(30, 20, ReferenceDate.on(VOTING_DAY)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("30")
        .hasMessageContaining("20");
  }

  @Test
  void aSelfDeclaredBirthDateIsNotEnoughUnlessTheRuleSaysSo() {
    Evidence declared =
        Evidence.none()
            .withBirthDate(
                Attestation.of(
                    LocalDate.of(2000, 1, 1), VerificationLevel.SELF_DECLARED, NOW.now()));

    Decision decision = TEN_ON_VOTING_DAY.decide(declared, NOW);

    assertThat(decision)
        .isEqualTo(
            Decision.unresolved(
                Reason.of(
                    ReasonCode.BIRTH_DATE_NOT_VERIFIED,
                    VerificationLevel.IDENTITY_PROVIDER,
                    VerificationLevel.SELF_DECLARED)));
    assertThat(decision.status()).isEqualTo(Status.INCOMPLETE);
    assertThat(decision.messages(Locale.ENGLISH))
        .containsExactly(
            "Your date of birth must be verified by an identity provider; it is only self-declared.");
    assertThat(decision.remedies(Locale.FRENCH))
        .containsExactly(
            "Faites vérifier votre date de naissance par un fournisseur d’identité ou à un guichet.");
    assertThat(
            Rules.minimumAge(10, ReferenceDate.on(VOTING_DAY))
                .verifiedAtLeast(VerificationLevel.SELF_DECLARED)
                .decide(declared, NOW)
                .isEligible())
        .isTrue();
  }

  @Test
  void missingPendingAndExpiredBirthDatesAreUnresolvedWithTheirStatus() {
    assertThat(TEN_ON_VOTING_DAY.decide(Evidence.none(), NOW).status()).isEqualTo(Status.MISSING);
    assertThat(
            TEN_ON_VOTING_DAY.decide(
                Evidence.none().withBirthDate(new Attestation.Pending<>(NOW.now())), NOW))
        .isEqualTo(Decision.unresolved(Reason.of(ReasonCode.BIRTH_DATE_PENDING)));
    Evidence expired =
        Evidence.none()
            .withBirthDate(
                new Attestation.Attested<>(
                    LocalDate.of(2000, 1, 1),
                    VerificationLevel.DESK,
                    Instant.parse("2025-01-01T00:00:00Z"),
                    NOW.now()));
    assertThat(TEN_ON_VOTING_DAY.decide(expired, NOW).status()).isEqualTo(Status.EXPIRED);
    assertThat(
            TEN_ON_VOTING_DAY
                .decide(expired, EligibilityContext.at(NOW.now().minusSeconds(1), BRUSSELS))
                .isEligible())
        .isTrue();
  }

  @Test
  void reasonsNeverCarryTheBirthDate() {
    LocalDate birth = LocalDate.of(2019, 3, 14);
    Decision decision = TEN_ON_VOTING_DAY.decide(bornOn(birth), NOW);
    assertThat(decision.reasons()).allSatisfy(r -> assertThat(r.arguments()).doesNotContain(birth));
    for (Locale locale :
        new Locale[] {Locale.FRENCH, Locale.ENGLISH, Locale.forLanguageTag("nl")}) {
      assertThat(String.join(" ", decision.messages(locale))).doesNotContain("2019");
    }
  }
}
