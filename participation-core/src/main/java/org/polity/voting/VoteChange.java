package org.polity.voting;

import java.time.Instant;
import java.util.Objects;

/**
 * A move of a vote's close, as recorded in the vote's history: closing early, or extending after an
 * outage. Made through {@link BallotBox#reschedule}; {@link CastPolicy#rescheduling} says whether
 * it is allowed.
 *
 * <pre>{@code
 * box.reschedule(budget, new VoteChange(
 *     Instant.parse("2026-06-01T20:00:00Z"), Instant.parse("2026-06-03T16:00:00Z"),
 *     "The portal was down on the last evening.", "administrator", clock.instant(), null));
 * }</pre>
 *
 * @param closesAt the new close
 * @param deskEncodingUntil the new end of desk encoding, at or after the close
 * @param reason why, as staff wrote it (shown in the vote's history), not blank
 * @param by who decided, as shown publicly: a role or a display name, never a sign-in subject
 * @param at when the change was made
 * @param previousClosesAt the close before the change; filled in by the box (null when asking)
 */
public record VoteChange(
    Instant closesAt,
    Instant deskEncodingUntil,
    String reason,
    String by,
    Instant at,
    Instant previousClosesAt) {

  /** The longest reason kept. */
  public static final int MAX_REASON_LENGTH = 1_000;

  /** Refuses missing values, a blank or too long reason, and a desk end before the close. */
  public VoteChange {
    Objects.requireNonNull(closesAt, "closesAt");
    Objects.requireNonNull(deskEncodingUntil, "deskEncodingUntil");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
    if (reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
      throw new IllegalArgumentException(
          "A vote change needs a reason of 1 to "
              + MAX_REASON_LENGTH
              + " characters, not "
              + reason.length()
              + ": say why the close moves.");
    }
  }

  /**
   * Whether the change closes the vote earlier than it was to close.
   *
   * @return true when the new close is before the previous one
   */
  public boolean closesEarly() {
    return previousClosesAt != null && closesAt.isBefore(previousClosesAt);
  }

  /**
   * This change with the close it replaced.
   *
   * @param previous the close before the change
   * @return the change as recorded
   */
  public VoteChange replacing(Instant previous) {
    return new VoteChange(closesAt, deskEncodingUntil, reason, by, at, previous);
  }
}
