package org.polity.eligibility;

import java.util.Optional;
import org.polity.geo.GeoPoint;

/**
 * Where a person lives, as far as eligibility needs it: a municipality code (NIS, INSEE...), a
 * postal code, and the address point. Each part may be unknown, but not all; a rule that needs a
 * missing part answers {@link ReasonCode#ADDRESS_INCOMPLETE}.
 *
 * @param municipalityCode the municipality's official code, or null
 * @param postalCode the postal code, or null
 * @param point the address point in WGS 84, or null
 */
public record Address(String municipalityCode, String postalCode, GeoPoint point) {

  /** Strips codes, and refuses an address with no part at all. */
  public Address {
    municipalityCode = blankToNull(municipalityCode);
    postalCode = blankToNull(postalCode);
    if (municipalityCode == null && postalCode == null && point == null) {
      throw new IllegalArgumentException(
          "An address has no municipality code, postal code or point: give at least one.");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * @return the municipality code, if known
   */
  public Optional<String> municipality() {
    return Optional.ofNullable(municipalityCode);
  }

  /**
   * @return the postal code, if known
   */
  public Optional<String> postal() {
    return Optional.ofNullable(postalCode);
  }

  /**
   * @return the address point, if known
   */
  public Optional<GeoPoint> location() {
    return Optional.ofNullable(point);
  }
}
