package org.polity.news;

import java.util.Objects;
import java.util.Optional;
import org.polity.geo.GeoPoint;

/**
 * Where an event takes place: a name (a hall, a park, "online"), optionally a postal address and a
 * point on the map (WGS 84 longitude and latitude).
 *
 * @param name the name, not blank, at most {@value #MAX_LENGTH} characters
 * @param address the postal address, if given (not blank, at most {@value #MAX_LENGTH} characters)
 * @param point the point on the map, if given
 */
public record Place(String name, Optional<String> address, Optional<GeoPoint> point) {

  /** The longest name or address, in characters. */
  public static final int MAX_LENGTH = 300;

  /** Checks the name and the address; strips blanks around them. */
  public Place {
    name = checked(name, "name");
    Objects.requireNonNull(address, "address");
    address = address.map(a -> checked(a, "address"));
    Objects.requireNonNull(point, "point");
  }

  /**
   * A place known by its name only.
   *
   * @param name the name
   * @return the place
   */
  public static Place named(String name) {
    return new Place(name, Optional.empty(), Optional.empty());
  }

  private static String checked(String text, String what) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("The place's " + what + " is blank: give it.");
    }
    String stripped = text.strip();
    if (stripped.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "The place's " + what + " is longer than " + MAX_LENGTH + " characters: shorten it.");
    }
    return stripped;
  }
}
