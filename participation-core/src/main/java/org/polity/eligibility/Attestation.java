package org.polity.eligibility;

import java.time.Instant;
import java.util.Objects;

/**
 * What is known about one attribute of a person (their identity, birth date or address): either a
 * value with how and when it was verified, or a verification still under way. An absent attestation
 * (null in {@link Evidence}) means the attribute is missing.
 *
 * @param <T> the attribute's type
 */
public sealed interface Attestation<T> permits Attestation.Attested, Attestation.Pending {

  /**
   * A value vouched for at some level.
   *
   * @param value the value
   * @param level how it was verified
   * @param attestedAt when
   * @param validUntil when the verification stops counting (null: it does not expire)
   * @param <T> the value's type
   */
  record Attested<T>(T value, VerificationLevel level, Instant attestedAt, Instant validUntil)
      implements Attestation<T> {
    /** Refuses missing parts and a validity ending before the attestation. */
    public Attested {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(level, "level");
      Objects.requireNonNull(attestedAt, "attestedAt");
      if (validUntil != null && validUntil.isBefore(attestedAt)) {
        throw new IllegalArgumentException(
            "An attestation valid until "
                + validUntil
                + " was made at "
                + attestedAt
                + ", after its end: check the two instants.");
      }
    }

    /**
     * Whether the verification has expired at an instant.
     *
     * @param now the instant
     * @return true if {@code validUntil} is set and not after {@code now}
     */
    public boolean expiredAt(Instant now) {
      return validUntil != null && !validUntil.isAfter(now);
    }
  }

  /**
   * A verification requested and not completed yet (a letter with a code sent to the address, an
   * appointment at a desk).
   *
   * @param requestedAt when it was requested
   * @param <T> the attribute's type
   */
  record Pending<T>(Instant requestedAt) implements Attestation<T> {
    /** Refuses a missing instant. */
    public Pending {
      Objects.requireNonNull(requestedAt, "requestedAt");
    }
  }

  /**
   * A value vouched for at a level, without expiry.
   *
   * @param value the value
   * @param level the level
   * @param at when
   * @param <T> the value's type
   * @return the attestation
   */
  static <T> Attested<T> of(T value, VerificationLevel level, Instant at) {
    return new Attested<>(value, level, at, null);
  }
}
