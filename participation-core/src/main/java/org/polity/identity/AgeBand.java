package org.polity.identity;

import java.util.Optional;

/**
 * A coarse age range kept for statistics instead of a birth date, e.g. 18–24 or 65+.
 *
 * @param from the youngest age in the band
 * @param to the oldest age in the band (included), or null for an open band ("65+")
 */
public record AgeBand(int from, Integer to) {

  /** Refuses negative or inverted bounds. */
  public AgeBand {
    if (from < 0 || (to != null && to < from)) {
      throw new IllegalArgumentException(
          "An age band from " + from + " to " + to + " is not a range: 0 <= from <= to.");
    }
  }

  /**
   * @param age an age in years
   * @return whether the age is in this band
   */
  public boolean contains(int age) {
    return age >= from && (to == null || age <= to);
  }

  /**
   * @return the upper bound, if the band is closed
   */
  public Optional<Integer> upper() {
    return Optional.ofNullable(to);
  }

  /**
   * @return the band as a label, {@code 18-24} or {@code 65+}
   */
  public String label() {
    return to == null ? from + "+" : from + "-" + to;
  }
}
