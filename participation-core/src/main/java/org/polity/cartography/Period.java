package org.polity.cartography;

import java.time.LocalDate;
import java.util.Optional;

/**
 * When an initiative runs: a start date (when known), an end date, or {@code ongoing} (still
 * running, no end yet). A one-off event has the same start and end.
 *
 * @param start the first day, or null when unknown
 * @param end the last day, or null when unknown or ongoing
 * @param ongoing whether it still runs; an ongoing initiative has no end date
 */
public record Period(LocalDate start, LocalDate end, boolean ongoing) {

  /** Refuses an end before the start, and an end on an ongoing initiative. */
  public Period {
    if (start != null && end != null && end.isBefore(start)) {
      throw new IllegalArgumentException(
          "The end date " + end + " is before the start date " + start + ": swap them or fix one.");
    }
    if (ongoing && end != null) {
      throw new IllegalArgumentException(
          "An ongoing initiative has no end date (got "
              + end
              + "): give the end date or"
              + " ongoing, not both.");
    }
  }

  /**
   * From a start to an end, inclusive.
   *
   * @param start the first day
   * @param end the last day
   * @return the period
   */
  public static Period between(LocalDate start, LocalDate end) {
    return new Period(start, end, false);
  }

  /**
   * Started on a day and still running.
   *
   * @param start the first day
   * @return the period
   */
  public static Period ongoingSince(LocalDate start) {
    return new Period(start, null, true);
  }

  /**
   * Dates unknown.
   *
   * @return the period
   */
  public static Period unknown() {
    return new Period(null, null, false);
  }

  /**
   * @return the start, if known
   */
  public Optional<LocalDate> optionalStart() {
    return Optional.ofNullable(start);
  }

  /**
   * @return the end, if known
   */
  public Optional<LocalDate> optionalEnd() {
    return Optional.ofNullable(end);
  }

  /**
   * Whether the initiative runs on at least one day of an interval. Unknown dates are taken as
   * open: an unknown start as "always before", an unknown end (or ongoing) as "still running".
   *
   * @param from the first day of the interval, or null for no lower bound
   * @param to the last day of the interval, or null for no upper bound
   * @return true if the periods overlap
   */
  public boolean overlaps(LocalDate from, LocalDate to) {
    boolean startsInTime = to == null || start == null || !start.isAfter(to);
    boolean endsInTime = from == null || end == null || !end.isBefore(from);
    return startsInTime && endsInTime;
  }
}
