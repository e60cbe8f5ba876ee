package org.polity.process;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;

/**
 * When a phase is open, as wall-clock dates in the process's time zone: from {@code opens}
 * (inclusive) to {@code closes} (exclusive). Either end may be left open: a phase without an
 * opening date opens when the previous one closes (or when staff open it), a phase without a
 * closing date lasts until the next one opens.
 *
 * <p>Dates are local because the executive sets them so ("the vote closes on 30 June at midnight");
 * they become instants only against the process's {@link java.time.ZoneId}, which takes care of
 * summer time.
 *
 * @param opens the first moment of the phase, or {@code null} when open-ended
 * @param closes the first moment after the phase, or {@code null} when open-ended
 */
public record PhaseDates(LocalDateTime opens, LocalDateTime closes) {

  /** No dates at all: the phase is moved by staff or bounded by its neighbours. */
  public static final PhaseDates UNDATED = new PhaseDates(null, null);

  /** Refuses a phase that closes before or when it opens. */
  public PhaseDates {
    if (opens != null && closes != null && !closes.isAfter(opens)) {
      throw new IllegalArgumentException(
          "A phase closes ("
              + closes
              + ") before or when it opens ("
              + opens
              + "): give a"
              + " closing date after the opening date.");
    }
  }

  /**
   * Dates from an opening and a closing moment.
   *
   * @param opens the first moment of the phase
   * @param closes the first moment after the phase
   * @return the dates
   */
  public static PhaseDates between(LocalDateTime opens, LocalDateTime closes) {
    return new PhaseDates(opens, closes);
  }

  /**
   * The opening date, if set.
   *
   * @return the opening date
   */
  public Optional<LocalDateTime> opening() {
    return Optional.ofNullable(opens);
  }

  /**
   * The closing date, if set.
   *
   * @return the closing date
   */
  public Optional<LocalDateTime> closing() {
    return Optional.ofNullable(closes);
  }

  /**
   * The opening instant in a time zone. A date that falls in a summer-time gap is moved later by
   * the length of the gap (02:30 on the night clocks go from 02:00 to 03:00 becomes 03:30), as
   * {@link java.time.ZonedDateTime} does; a date in an autumn overlap takes the earlier offset.
   *
   * @param zone the process's time zone
   * @return the instant, if an opening date is set
   */
  public Optional<Instant> opensAt(ZoneId zone) {
    return opening().map(date -> date.atZone(zone).toInstant());
  }

  /**
   * The closing instant in a time zone.
   *
   * @param zone the process's time zone
   * @return the instant, if a closing date is set
   */
  public Optional<Instant> closesAt(ZoneId zone) {
    return closing().map(date -> date.atZone(zone).toInstant());
  }
}
