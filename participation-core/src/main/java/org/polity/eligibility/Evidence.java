package org.polity.eligibility;

import java.time.LocalDate;
import org.polity.geo.Area;
import org.polity.geo.AreaCollection;
import org.polity.identity.AgeBand;
import org.polity.identity.AgeBands;
import org.polity.identity.ParticipantKey;
import org.polity.identity.ParticipantProfile;

/**
 * Everything known about a person when an eligibility decision is taken: their identity (the
 * pseudonymous {@link ParticipantKey}, attested at some level), their birth date and their address.
 * A null attestation means the attribute is missing.
 *
 * <p>Evidence is personal data: it is used for the decision and then dropped, or kept no longer
 * than the process's {@link org.polity.identity.RetentionPolicy} says; what is kept for statistics
 * is the coarse {@link org.polity.identity.ParticipantProfile}.
 *
 * @param identity the participant key, as verified; null if the person is not identified
 * @param birthDate the birth date, as verified; null if unknown
 * @param address the address, as verified; null if unknown
 */
public record Evidence(
    Attestation<ParticipantKey> identity,
    Attestation<LocalDate> birthDate,
    Attestation<Address> address) {

  /**
   * No evidence at all (an anonymous visitor).
   *
   * @return empty evidence
   */
  public static Evidence none() {
    return new Evidence(null, null, null);
  }

  /**
   * The coarse profile kept for statistics: the age band on a date and the district of the address
   * point (the first district covering it), from <em>attested</em> values only (any level, not
   * expired). The birth date and the address themselves are not in the profile.
   *
   * @param bands the age bands
   * @param districts the districts, or null to keep no district
   * @param on the date the age band is computed on
   * @param now the instant, to ignore expired attestations
   * @return the profile
   * @throws IllegalStateException if the person is not identified (a profile needs a key)
   */
  public ParticipantProfile profile(
      AgeBands bands, AreaCollection districts, LocalDate on, java.time.Instant now) {
    if (!(identity instanceof Attestation.Attested<ParticipantKey> id) || id.expiredAt(now)) {
      throw new IllegalStateException(
          "A profile needs an identified participant: this evidence has no valid identity.");
    }
    AgeBand band = null;
    if (birthDate instanceof Attestation.Attested<LocalDate> birth && !birth.expiredAt(now)) {
      band = bands.bandOf(Rules.Age.ageOn(birth.value(), on)).orElse(null);
    }
    String district = null;
    if (districts != null
        && address instanceof Attestation.Attested<Address> home
        && !home.expiredAt(now)
        && home.value().point() != null) {
      district = districts.firstContaining(home.value().point()).map(Area::id).orElse(null);
    }
    return new ParticipantProfile(id.value(), band, district, on);
  }

  /**
   * This evidence with an identity.
   *
   * @param attestation the identity
   * @return new evidence
   */
  public Evidence withIdentity(Attestation<ParticipantKey> attestation) {
    return new Evidence(attestation, birthDate, address);
  }

  /**
   * This evidence with a birth date.
   *
   * @param attestation the birth date
   * @return new evidence
   */
  public Evidence withBirthDate(Attestation<LocalDate> attestation) {
    return new Evidence(identity, attestation, address);
  }

  /**
   * This evidence with an address.
   *
   * @param attestation the address
   * @return new evidence
   */
  public Evidence withAddress(Attestation<Address> attestation) {
    return new Evidence(identity, birthDate, attestation);
  }
}
