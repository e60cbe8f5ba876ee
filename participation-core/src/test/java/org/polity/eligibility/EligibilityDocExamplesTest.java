package org.polity.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.common.LocalizedText;
import org.polity.eligibility.spi.CensusSettings;
import org.polity.eligibility.spi.CensusSource;
import org.polity.geo.AreaCollection;
import org.polity.geo.GeoJsonReader;
import org.polity.geo.GeoPoint;
import org.polity.identity.IdentifierSchemes;
import org.polity.identity.ParticipantKey;
import org.polity.identity.ParticipantKeyer;
import org.polity.testing.SharedData;

/** The examples of docs/eligibility.md, run as written there. Keep the two in step. */
class EligibilityDocExamplesTest {

  @TempDir Path dir;

  private static ParticipantKeyer keyer() {
    Properties config = new Properties();
    config.setProperty("polity.participant-key.current", "v1");
    config.setProperty(
        "polity.participant-key.secret.v1", Base64.getEncoder().encodeToString(new byte[32]));
    return ParticipantKeyer.fromProperties(config, IdentifierSchemes.belgianNationalNumber());
  }

  @Test
  void residentsOfAuderghemAgedTenOrMoreOnTheVotingDay() throws Exception {
    Path file = SharedData.brusselsMunicipalitiesFile();
    // --- docs: example 1
    AreaCollection municipalities = new GeoJsonReader().readAreas(file, "nis");
    LocalDate votingDay = LocalDate.of(2026, 5, 31);
    EligibilityRule voters =
        Rules.allOf(
            Rules.minimumAge(10, ReferenceDate.on(votingDay)),
            Rules.livesInArea(municipalities, "21002")); // Auderghem / Oudergem

    ParticipantKey key = keyer().key("85.07.30-033.28");
    Instant verifiedAt = Instant.parse("2026-04-02T09:00:00Z");
    Evidence evidence =
        Evidence.none()
            .withIdentity(Attestation.of(key, VerificationLevel.IDENTITY_PROVIDER, verifiedAt))
            .withBirthDate(
                Attestation.of(
                    LocalDate.of(2016, 6, 2), VerificationLevel.IDENTITY_PROVIDER, verifiedAt))
            .withAddress(
                Attestation.of(
                    new Address("21005", "1040", GeoPoint.of(4.3889, 50.8363)),
                    VerificationLevel.IDENTITY_PROVIDER,
                    verifiedAt));

    Decision decision =
        voters.decide(evidence, EligibilityContext.at(Instant.now(), ZoneId.of("Europe/Brussels")));
    decision.messages(Locale.forLanguageTag("nl"));
    // [U moet op 31 mei 2026 minstens 10 jaar oud zijn., Uw adres moet liggen in: Oudergem.]
    decision.remedies(Locale.FRENCH);
    // [Si vous avez déménagé, mettez à jour votre adresse et faites-la vérifier.]
    // --- end
    assertThat(decision.messages(Locale.forLanguageTag("nl")))
        .containsExactly(
            "U moet op 31 mei 2026 minstens 10 jaar oud zijn.",
            "Uw adres moet liggen in: Oudergem.");
    assertThat(decision.remedies(Locale.FRENCH))
        .containsExactly(
            "Si vous avez déménagé, mettez à jour votre adresse et faites-la vérifier.");
    assertThat(decision.status()).isEqualTo(Status.UNAUTHORISED);
  }

  @Test
  void membersOfTheCensusList() throws Exception {
    Path csv = dir.resolve("census.csv");
    Files.writeString(csv, "nrn,name\n85.07.30-033.28,Anne\n");
    ParticipantKeyer keyer = keyer();
    // --- docs: example 2
    CensusSource census =
        CensusSources.open(
            new CensusSettings(
                "csv",
                LocalizedText.of("fr", "des habitants")
                    .with("nl", "van de inwoners")
                    .with("en", "of residents"),
                Map.of("file", csv.toString(), "column", "nrn"),
                keyer));
    EligibilityRule members = Rules.memberOf(census);
    // --- end
    Evidence anne =
        Evidence.none()
            .withIdentity(
                Attestation.of(keyer.key("85073003328"), VerificationLevel.DESK, Instant.now()));
    Evidence bruno =
        Evidence.none()
            .withIdentity(
                Attestation.of(
                    keyer.key("10.01.01-123.93"), VerificationLevel.DESK, Instant.now()));
    EligibilityContext now = EligibilityContext.at(Instant.now(), ZoneId.of("Europe/Brussels"));
    assertThat(members.decide(anne, now).isEligible()).isTrue();
    assertThat(members.decide(bruno, now).messages(Locale.ENGLISH))
        .containsExactly("You are not on the list of residents.");
  }

  @Test
  void anyVerifiedResidentOfTheRegion() throws Exception {
    AreaCollection municipalities = SharedData.brusselsMunicipalities();
    // --- docs: example 3
    EligibilityRule region =
        Rules.allOf(
            Rules.identifiedAtLeast(VerificationLevel.IDENTITY_PROVIDER),
            Rules.livesInArea(municipalities)); // any of the 19 municipalities
    // --- end
    EligibilityContext now = EligibilityContext.at(Instant.now(), ZoneId.of("Europe/Brussels"));
    Instant at = Instant.now();
    Evidence resident =
        Evidence.none()
            .withIdentity(
                Attestation.of(keyer().key("85073003328"), VerificationLevel.IDENTITY_PROVIDER, at))
            .withAddress(
                Attestation.of(
                    new Address(null, null, GeoPoint.of(4.3517, 50.8466)),
                    VerificationLevel.DESK,
                    at));
    Evidence selfDeclared =
        resident.withIdentity(
            Attestation.of(keyer().key("85073003328"), VerificationLevel.SELF_DECLARED, at));
    assertThat(region.decide(resident, now).isEligible()).isTrue();
    Decision decision = region.decide(selfDeclared, now);
    assertThat(decision.status()).isEqualTo(Status.INCOMPLETE);
    assertThat(decision.remedies(Locale.ENGLISH))
        .containsExactly("Verify your identity with an identity provider or at a desk.");
    assertThat(List.of(decision.reasons().get(0).code()))
        .containsExactly(ReasonCode.IDENTITY_NOT_VERIFIED);
  }
}
