package org.polity.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.polity.geo.GeoPoint;
import org.polity.testing.TestKeys;

/** Evidence builders for eligibility tests. */
final class Fixtures {

  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
  static final Instant VERIFIED_AT = Instant.parse("2026-01-15T10:00:00Z");
  static final EligibilityContext NOW =
      EligibilityContext.at(Instant.parse("2026-04-01T10:00:00Z"), BRUSSELS);

  private Fixtures() {}

  static Evidence person(int n, LocalDate birthDate, Address address) {
    Evidence evidence =
        Evidence.none()
            .withIdentity(
                Attestation.of(
                    TestKeys.person(n), VerificationLevel.IDENTITY_PROVIDER, VERIFIED_AT));
    if (birthDate != null) {
      evidence =
          evidence.withBirthDate(
              Attestation.of(birthDate, VerificationLevel.IDENTITY_PROVIDER, VERIFIED_AT));
    }
    if (address != null) {
      evidence =
          evidence.withAddress(
              Attestation.of(address, VerificationLevel.IDENTITY_PROVIDER, VERIFIED_AT));
    }
    return evidence;
  }

  static Evidence bornOn(LocalDate birthDate) {
    return person(1, birthDate, null);
  }

  static Address at(double lon, double lat) {
    return new Address(null, null, GeoPoint.of(lon, lat));
  }
}
