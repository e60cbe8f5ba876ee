package org.polity.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.polity.eligibility.Address;
import org.polity.eligibility.Attestation;
import org.polity.eligibility.Evidence;
import org.polity.eligibility.VerificationLevel;
import org.polity.geo.GeoPoint;
import org.polity.testing.SharedData;
import org.polity.testing.TestKeys;

class ProfileAndRetentionTest {

  private static final Instant AT = Instant.parse("2026-05-31T10:00:00Z");

  private static Evidence evidence(LocalDate birth, GeoPoint point) {
    return Evidence.none()
        .withIdentity(Attestation.of(TestKeys.person(1), VerificationLevel.DESK, AT))
        .withBirthDate(Attestation.of(birth, VerificationLevel.DESK, AT))
        .withAddress(
            Attestation.of(new Address("21002", "1160", point), VerificationLevel.DESK, AT));
  }

  @Test
  void aProfileKeepsAnAgeBandAndADistrictNothingFiner() {
    ParticipantProfile profile =
        evidence(LocalDate.of(2010, 6, 1), GeoPoint.of(4.4327, 50.8157))
            .profile(
                AgeBands.standard(),
                SharedData.brusselsMunicipalities(),
                LocalDate.of(2026, 5, 31),
                AT);

    assertThat(profile.participant()).isEqualTo(TestKeys.person(1));
    assertThat(profile.band()).contains(new AgeBand(10, 15)); // 15 on 31 May 2026
    assertThat(profile.districtId()).contains("21002");
    // The record's components are exactly these coarse fields: no birth date, address or point.
    assertThat(
            Arrays.stream(ParticipantProfile.class.getRecordComponents())
                .map(RecordComponent::getName))
        .containsExactly("participant", "ageBand", "district", "derivedOn");
    assertThat(profile.toString())
        .doesNotContain("2010")
        .doesNotContain("4.4327")
        .doesNotContain("1160");
  }

  @Test
  void unknownOrExpiredAttributesLeaveTheProfileFieldsEmpty() {
    Evidence evidence =
        Evidence.none()
            .withIdentity(Attestation.of(TestKeys.person(1), VerificationLevel.DESK, AT))
            .withBirthDate(
                new Attestation.Attested<>(
                    LocalDate.of(1980, 1, 1), VerificationLevel.DESK, AT.minusSeconds(10), AT));
    ParticipantProfile profile =
        evidence.profile(AgeBands.standard(), null, LocalDate.of(2026, 5, 31), AT);
    assertThat(profile.band()).isEmpty();
    assertThat(profile.districtId()).isEmpty();
    assertThatThrownBy(
            () -> Evidence.none().profile(AgeBands.standard(), null, LocalDate.of(2026, 5, 31), AT))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void ageBandsAreContiguous() {
    AgeBands bands = AgeBands.standard();
    assertThat(bands.bandOf(9)).contains(new AgeBand(0, 9));
    assertThat(bands.bandOf(17)).contains(new AgeBand(16, 17));
    assertThat(bands.bandOf(99).orElseThrow().label()).isEqualTo("65+");
    assertThat(AgeBands.startingAt(10, 18).bandOf(5)).isEmpty();
    assertThatThrownBy(
            () -> new AgeBands(java.util.List.of(new AgeBand(0, 9), new AgeBand(11, 20))))
        .hasMessageContaining("contiguous");
  }

  @Test
  void retentionDeadlines() {
    RetentionPolicy minimal = RetentionPolicy.minimal();
    assertThat(minimal.mustEraseEvidence(AT, AT)).isTrue(); // evidence is not kept at all
    RetentionPolicy month = new RetentionPolicy(Duration.ofDays(30), Period.ofYears(2));
    assertThat(month.mustEraseEvidence(AT, AT.plus(Duration.ofDays(29)))).isFalse();
    assertThat(month.mustEraseEvidence(AT, AT.plus(Duration.ofDays(30)))).isTrue();
    assertThat(month.profilesErasedBy(LocalDate.of(2026, 12, 31)))
        .isEqualTo(LocalDate.of(2029, 1, 1));
    assertThat(month.mustEraseProfiles(LocalDate.of(2026, 12, 31), LocalDate.of(2028, 12, 31)))
        .isFalse();
    assertThat(month.mustEraseProfiles(LocalDate.of(2026, 12, 31), LocalDate.of(2029, 1, 1)))
        .isTrue();
    assertThatThrownBy(() -> new RetentionPolicy(Duration.ofDays(-1), Period.ZERO))
        .hasMessageContaining("negative");
  }
}
