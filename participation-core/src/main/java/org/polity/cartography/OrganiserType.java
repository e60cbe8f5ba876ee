package org.polity.cartography;

import java.util.Arrays;
import java.util.Locale;

/**
 * Who organises an initiative.
 *
 * <p>Each constant has a stable {@link #code()} (lower case, hyphens) used in GeoJSON properties
 * and query parameters.
 */
public enum OrganiserType {
  /** A public body: municipality, region, public agency. */
  PUBLIC_BODY,
  /** An association, foundation or other non-profit organisation. */
  ASSOCIATION,
  /** An informal group of citizens. */
  CITIZEN_GROUP,
  /** Any other organiser (company, university, ...). */
  OTHER;

  /**
   * The stable code, e.g. {@code citizens-assembly}.
   *
   * @return the code
   */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The constant with a code.
   *
   * @param code a code such as {@code citizens-assembly} (case-insensitive; '_' accepted for '-')
   * @return the constant
   * @throws IllegalArgumentException naming the known codes if there is none
   */
  public static OrganiserType fromCode(String code) {
    for (OrganiserType value : values()) {
      if (code != null
          && value.code().equals(code.strip().toLowerCase(Locale.ROOT).replace('_', '-'))) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + code
            + "' is not a known OrganiserType code: use one of "
            + Arrays.stream(values()).map(OrganiserType::code).toList()
            + ".");
  }
}
