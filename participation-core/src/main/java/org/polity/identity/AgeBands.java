package org.polity.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Contiguous age bands used for turnout statistics. Only the band of a participant is kept, never
 * their birth date.
 *
 * @param bands the bands, in increasing order, each starting where the previous ended
 */
public record AgeBands(List<AgeBand> bands) {

  /** Refuses gaps and overlaps. */
  public AgeBands {
    Objects.requireNonNull(bands, "bands");
    if (bands.isEmpty()) {
      throw new IllegalArgumentException("Age bands need at least one band.");
    }
    for (int i = 1; i < bands.size(); i++) {
      AgeBand previous = bands.get(i - 1);
      if (previous.to() == null || previous.to() + 1 != bands.get(i).from()) {
        throw new IllegalArgumentException(
            "Age band "
                + bands.get(i).label()
                + " does not start right after "
                + previous.label()
                + ": bands must be contiguous and ordered.");
      }
    }
    bands = List.copyOf(bands);
  }

  /**
   * Bands with the given lower bounds; the last one is open.
   *
   * @param lowerBounds increasing lower bounds, e.g. {@code 10, 16, 18, 25, 35, 45, 55, 65}
   * @return the bands
   */
  public static AgeBands startingAt(int... lowerBounds) {
    List<AgeBand> bands = new ArrayList<>();
    for (int i = 0; i < lowerBounds.length; i++) {
      Integer to = i + 1 < lowerBounds.length ? lowerBounds[i + 1] - 1 : null;
      bands.add(new AgeBand(lowerBounds[i], to));
    }
    return new AgeBands(bands);
  }

  /**
   * The usual bands of participation statistics: 0-9, 10-15, 16-17, 18-24, 25-34, 35-44, 45-54,
   * 55-64, 65+.
   *
   * @return the bands
   */
  public static AgeBands standard() {
    return startingAt(0, 10, 16, 18, 25, 35, 45, 55, 65);
  }

  /**
   * @param age an age in years
   * @return the band containing it, or empty if below the first band
   */
  public Optional<AgeBand> bandOf(int age) {
    return bands.stream().filter(b -> b.contains(age)).findFirst();
  }
}
