package org.polity.identity;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What is kept about a participant for statistics (turnout by age band and district), derived from
 * the evidence used for an eligibility decision: <b>coarse on purpose</b>. It holds no birth date,
 * no address, no address point and no identifier, only an age band, a district identifier and the
 * date it was derived on. Build it with {@code Evidence.profile(...)} in {@code
 * org.polity.eligibility}; keep it no longer than {@link RetentionPolicy#profile()}.
 *
 * @param participant the participant's pseudonymous key
 * @param ageBand the age band on {@code derivedOn}, or null if the birth date was unknown
 * @param district the id of the district the address point lies in, or null if unknown
 * @param derivedOn the date the profile was derived on (the age band is valid on that date)
 */
public record ParticipantProfile(
    ParticipantKey participant, AgeBand ageBand, String district, LocalDate derivedOn) {

  /** Refuses a missing key or date. */
  public ParticipantProfile {
    Objects.requireNonNull(participant, "participant");
    Objects.requireNonNull(derivedOn, "derivedOn");
  }

  /**
   * @return the age band, if the birth date was known
   */
  public Optional<AgeBand> band() {
    return Optional.ofNullable(ageBand);
  }

  /**
   * @return the district, if the address point was known and in a district
   */
  public Optional<String> districtId() {
    return Optional.ofNullable(district);
  }
}
