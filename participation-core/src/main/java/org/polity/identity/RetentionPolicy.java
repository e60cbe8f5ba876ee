package org.polity.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;

/**
 * How long personal data may be kept, per kind, as a process's rules (and the GDPR's minimisation
 * principle) say:
 *
 * <ul>
 *   <li>the <b>evidence</b> (birth date, address, address point, the verification's documents) from
 *       the eligibility decision it served; {@link Duration#ZERO} by default, meaning it is used
 *       for the decision and never stored;
 *   <li>the coarse {@link ParticipantProfile} from the end of the process, for statistics.
 * </ul>
 *
 * The participant key itself is kept as long as the participation register needs it (to enforce one
 * person, one vote, and then for audit); ballots never carry it.
 *
 * @param evidence how long evidence is kept after the decision
 * @param profile how long profiles are kept after the process ends
 */
public record RetentionPolicy(Duration evidence, Period profile) {

  /** Refuses negative durations. */
  public RetentionPolicy {
    Objects.requireNonNull(evidence, "evidence");
    Objects.requireNonNull(profile, "profile");
    if (evidence.isNegative() || profile.isNegative()) {
      throw new IllegalArgumentException(
          "Retention periods cannot be negative: evidence "
              + evidence
              + ", profile "
              + profile
              + ".");
    }
  }

  /**
   * The default: evidence is not kept at all, profiles for one year after the process.
   *
   * @return the policy
   */
  public static RetentionPolicy minimal() {
    return new RetentionPolicy(Duration.ZERO, Period.ofYears(1));
  }

  /**
   * @param decidedAt when the evidence served a decision
   * @return the instant by which it must be erased
   */
  public Instant evidenceErasedBy(Instant decidedAt) {
    return decidedAt.plus(evidence);
  }

  /**
   * @param decidedAt when the evidence served a decision
   * @param now the current instant
   * @return whether the evidence must be erased now (always true when evidence is not kept)
   */
  public boolean mustEraseEvidence(Instant decidedAt, Instant now) {
    return !now.isBefore(evidenceErasedBy(decidedAt));
  }

  /**
   * @param processEnd the last day of the process
   * @return the first day on which its profiles must be gone
   */
  public LocalDate profilesErasedBy(LocalDate processEnd) {
    return processEnd.plus(profile).plusDays(1);
  }

  /**
   * @param processEnd the last day of the process
   * @param today the current date
   * @return whether the process's profiles must be erased now
   */
  public boolean mustEraseProfiles(LocalDate processEnd, LocalDate today) {
    return !today.isBefore(profilesErasedBy(processEnd));
  }
}
