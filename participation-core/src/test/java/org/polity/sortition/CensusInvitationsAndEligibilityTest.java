package org.polity.sortition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polity.common.LocalizedText;
import org.polity.eligibility.Attestation;
import org.polity.eligibility.CsvCensus;
import org.polity.eligibility.EligibilityContext;
import org.polity.eligibility.EligibilityRule;
import org.polity.eligibility.Evidence;
import org.polity.eligibility.InMemoryCensus;
import org.polity.eligibility.ReferenceDate;
import org.polity.eligibility.Rules;
import org.polity.eligibility.VerificationLevel;
import org.polity.eligibility.spi.CensusAnswer;
import org.polity.eligibility.spi.CensusSource;
import org.polity.identity.ParticipantKey;
import org.polity.identity.ParticipantKeyer;
import org.polity.testing.TestKeys;

/** Invitations drawn from a census source, and the assembly's eligibility rule at registration. */
class CensusInvitationsAndEligibilityTest {

  @TempDir Path dir;

  private static final LocalizedText REGISTER = LocalizedText.of("en", "Population register");

  @Test
  void invitationsFromARegisterWithHouseholdsInviteWholeHouseholds() {
    ParticipantKeyer keyer = TestKeys.KEYER;
    Map<ParticipantKey, String> households = new HashMap<>();
    for (int person = 0; person < 60; person++) {
      households.put(keyer.key("person-" + person), "household-" + person / 3);
    }
    CensusSource register = new InMemoryCensus(REGISTER, households);

    Invitations.Draw draw = Invitations.draw(register, 5, Invitations.Unit.HOUSEHOLDS, 7L);

    assertThat(draw.registerSize()).isEqualTo(60);
    assertThat(draw.invitedUnits()).hasSize(5).doesNotHaveDuplicates();
    assertThat(draw.invitedPeople()).hasSize(15);
    for (RegisterEntry invited : draw.invitedPeople()) {
      assertThat(draw.invitedUnits()).contains(invited.householdId());
      assertThat(register.lookup(ParticipantKey.parse(invited.personId())))
          .isEqualTo(CensusAnswer.MEMBER);
    }
    // The same register and seed give the same draw: anyone can repeat it.
    assertThat(
            Invitations.draw(
                new InMemoryCensus(REGISTER, households), 5, Invitations.Unit.HOUSEHOLDS, 7L))
        .isEqualTo(draw);
  }

  @Test
  void csvRegisterWithAHouseholdColumnListsEachPersonOnceUnderTheCurrentKey() throws Exception {
    ParticipantKeyer keyer = TestKeys.KEYER;
    Path csv = dir.resolve("register.csv");
    Files.writeString(csv, "nrn,address\nA-1,h1\nA-2,h1\nB-1,h2\nC-1,\n");

    CsvCensus register =
        CsvCensus.read(csv, REGISTER, "nrn", CsvCensus.Content.IDENTIFIER, "address", ',', keyer);
    Invitations.Draw everyone = Invitations.draw(register, 4, Invitations.Unit.PEOPLE, 1L);
    Invitations.Draw households = Invitations.draw(register, 3, Invitations.Unit.HOUSEHOLDS, 1L);

    Set<String> expectedKeys = new HashSet<>();
    for (String id : List.of("A-1", "A-2", "B-1", "C-1")) {
      expectedKeys.add(keyer.key(id).toString());
    }
    assertThat(everyone.invitedUnits()).containsExactlyInAnyOrderElementsOf(expectedKeys);
    // h1, h2, and C-1 alone (blank address: a household of their own).
    assertThat(households.invitedUnits()).hasSize(3).contains("h1", "h2");
    assertThat(households.invitedPeople()).hasSize(4);
  }

  @Test
  void aRegisterThatCannotListItsMembersIsRefusedWithAnExplanation() {
    CensusSource lookupOnly =
        new CensusSource() {
          @Override
          public LocalizedText name() {
            return LocalizedText.of("en", "Remote register");
          }

          @Override
          public CensusAnswer lookup(ParticipantKey participant) {
            return CensusAnswer.MEMBER;
          }
        };
    assertThatThrownBy(() -> Invitations.draw(lookupOnly, 1, Invitations.Unit.PEOPLE, 1L))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Remote register")
        .hasMessageContaining("entries()");
  }

  @Test
  void theAssemblysEligibilityRuleAppliesAtRegistration() {
    LocalDate drawDay = LocalDate.of(2027, 3, 1);
    EligibilityRule sixteenOnTheDayOfTheDraw = Rules.minimumAge(16, ReferenceDate.on(drawDay));
    EligibilityContext context =
        EligibilityContext.at(Instant.parse("2027-02-01T10:00:00Z"), ZoneId.of("Europe/Brussels"));
    Instant verifiedAt = Instant.parse("2027-01-15T10:00:00Z");
    Evidence adult =
        Evidence.none()
            .withBirthDate(
                Attestation.of(
                    LocalDate.of(1990, 1, 1), VerificationLevel.IDENTITY_PROVIDER, verifiedAt));
    Evidence tooYoung =
        Evidence.none()
            .withBirthDate(
                Attestation.of(
                    LocalDate.of(2011, 3, 2), VerificationLevel.IDENTITY_PROVIDER, verifiedAt));
    Evidence unknownAge = Evidence.none();

    Pool.Builder builder = Pool.builder();
    Registration accepted =
        builder.register(respondent("r1"), adult, sixteenOnTheDayOfTheDraw, context);
    Registration refused =
        builder.register(respondent("r2"), tooYoung, sixteenOnTheDayOfTheDraw, context);
    Registration pending =
        builder.register(respondent("r3"), unknownAge, sixteenOnTheDayOfTheDraw, context);
    Registration duplicate =
        builder.register(respondent("r1"), adult, sixteenOnTheDayOfTheDraw, context);

    assertThat(accepted).isInstanceOf(Registration.Accepted.class);
    assertThat(refused)
        .isInstanceOfSatisfying(
            Registration.RefusedIneligible.class,
            r ->
                assertThat(r.decision().messages(Locale.FRENCH))
                    .singleElement()
                    .asString()
                    .contains("16"));
    assertThat(pending).isInstanceOf(Registration.RefusedIneligible.class);
    assertThat(duplicate).isInstanceOf(Registration.RefusedDuplicate.class);
    assertThat(builder.build().respondents()).extracting(Respondent::id).containsExactly("r1");
  }

  private static Respondent respondent(String id) {
    return new Respondent(id, Map.of("gender", "female"));
  }
}
