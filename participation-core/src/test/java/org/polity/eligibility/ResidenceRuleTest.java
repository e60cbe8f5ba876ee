package org.polity.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.polity.eligibility.Fixtures.NOW;
import static org.polity.eligibility.Fixtures.at;
import static org.polity.eligibility.Fixtures.person;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.polity.common.LocalizedText;
import org.polity.geo.AreaCollection;
import org.polity.testing.SharedData;

/** Residence by point in polygon (on the real Brussels file), municipality code and postal code. */
class ResidenceRuleTest {

  private static final AreaCollection BRUSSELS = SharedData.brusselsMunicipalities();
  private static final EligibilityRule AUDERGHEM = Rules.livesInArea(BRUSSELS, "21002");

  @Test
  void aPointInAuderghemIsEligibleForAuderghem() {
    assertThat(AUDERGHEM.decide(person(1, null, at(4.4327, 50.8157)), NOW))
        .isEqualTo(Decision.eligible());
    assertThat(AUDERGHEM.decide(person(1, null, at(4.4187, 50.8120)), NOW))
        .isEqualTo(Decision.eligible());
  }

  @Test
  void aPointInEtterbeekIsNotAndTheReasonNamesAuderghemInEachLanguage() {
    Decision decision = AUDERGHEM.decide(person(1, null, at(4.3889, 50.8363)), NOW);

    assertThat(decision).isInstanceOf(Decision.Ineligible.class);
    assertThat(decision.reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.OUTSIDE_AREA);
    assertThat(decision.messages(Locale.FRENCH))
        .containsExactly("Votre adresse doit se trouver dans : Auderghem.");
    assertThat(decision.messages(Locale.forLanguageTag("nl")))
        .containsExactly("Uw adres moet liggen in: Oudergem.");
    assertThat(decision.messages(Locale.ENGLISH))
        .containsExactly("Your address must be in Auderghem.");
    assertThat(decision.remedies(Locale.ENGLISH))
        .containsExactly("If you have moved, update and verify your address.");
  }

  @Test
  void aPointExactlyOnTheBorderIsEligibleForBothMunicipalities() {
    // A vertex shared by the Auderghem and Etterbeek polygons: on the border counts as inside
    // (JTS covers), so it is eligible for both; see AreaCollection and docs/eligibility.md.
    Evidence onBorder = person(1, null, at(4.398422, 50.827729));
    assertThat(AUDERGHEM.decide(onBorder, NOW).isEligible()).isTrue();
    assertThat(Rules.livesInArea(BRUSSELS, "21005").decide(onBorder, NOW).isEligible()).isTrue();
    assertThat(Rules.livesInArea(BRUSSELS, "21009").decide(onBorder, NOW).isEligible())
        .isFalse(); // Ixelles
  }

  @Test
  void anyAreaOfTheRegionWhenNoIdIsGiven() {
    EligibilityRule region = Rules.livesInArea(BRUSSELS);
    assertThat(region.decide(person(1, null, at(4.3517, 50.8466)), NOW).isEligible()).isTrue();
    assertThat(region.decide(person(1, null, at(4.70, 50.88)), NOW).isEligible())
        .isFalse(); // Leuven
  }

  @Test
  void anAddressWithoutPointIsIncompleteForAnAreaRule() {
    Decision decision = AUDERGHEM.decide(person(1, null, new Address("21002", "1160", null)), NOW);
    assertThat(decision)
        .isEqualTo(
            Decision.unresolved(Reason.of(ReasonCode.ADDRESS_INCOMPLETE, AddressPart.POINT)));
    assertThat(decision.status()).isEqualTo(Status.INCOMPLETE);
    assertThat(decision.messages(Locale.FRENCH))
        .containsExactly("Il manque à votre adresse : la localisation précise.");
  }

  @Test
  void unknownAreaIdsAreAProgrammingError() {
    assertThatThrownBy(() -> Rules.livesInArea(BRUSSELS, "99999"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("99999")
        .hasMessageContaining("21002");
  }

  @Test
  void byMunicipalityCodeAndByPostalCode() {
    EligibilityRule municipality =
        Rules.livesInMunicipality(
            LocalizedText.of("fr", "Auderghem").with("nl", "Oudergem"), "21002");
    EligibilityRule postal = Rules.livesAtPostalCode("1160", "1170");

    Evidence resident = person(1, null, new Address("21002", "1160", null));
    Evidence neighbour = person(2, null, new Address("21005", "1040", null));
    assertThat(municipality.decide(resident, NOW).isEligible()).isTrue();
    assertThat(postal.decide(resident, NOW).isEligible()).isTrue();
    assertThat(municipality.decide(neighbour, NOW).messages(Locale.forLanguageTag("nl")))
        .containsExactly("U moet in Oudergem wonen.");
    assertThat(postal.decide(neighbour, NOW).messages(Locale.ENGLISH))
        .containsExactly("Your postal code must be one of 1160, 1170.");
    assertThat(municipality.decide(person(3, null, new Address(null, "1160", null)), NOW).status())
        .isEqualTo(Status.INCOMPLETE);
  }

  @Test
  void anUnverifiedOrMissingAddressIsUnresolved() {
    Evidence selfDeclared =
        Evidence.none()
            .withAddress(
                Attestation.of(at(4.4327, 50.8157), VerificationLevel.SELF_DECLARED, NOW.now()));
    Decision decision = AUDERGHEM.decide(selfDeclared, NOW);
    assertThat(decision.reasons())
        .extracting(Reason::code)
        .containsExactly(ReasonCode.ADDRESS_NOT_VERIFIED);
    assertThat(decision.remedies(Locale.ENGLISH))
        .containsExactly("Verify your address with an identity provider or at a desk.");
    assertThat(AUDERGHEM.decide(Evidence.none(), NOW).status()).isEqualTo(Status.MISSING);
  }

  @Test
  void reasonsNeverCarryTheAddress() {
    Decision decision = AUDERGHEM.decide(person(1, null, at(4.3889, 50.8363)), NOW);
    for (Locale locale :
        new Locale[] {Locale.FRENCH, Locale.ENGLISH, Locale.forLanguageTag("nl")}) {
      assertThat(String.join(" ", decision.messages(locale)))
          .doesNotContain("4.3889")
          .doesNotContain("50.8363");
    }
  }
}
