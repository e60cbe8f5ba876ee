package org.polity.cartography;

import java.util.Arrays;
import java.util.Locale;

/**
 * How participants are recruited.
 *
 * <p>Each constant has a stable {@link #code()} (lower case, hyphens) used in GeoJSON properties
 * and query parameters.
 */
public enum Recruitment {
  /** Open to all who come. */
  OPEN,
  /** Drawn by lot (sortition), possibly stratified. */
  BY_LOT,
  /** Invited or appointed (targeted groups, stakeholders). */
  INVITED;

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
  public static Recruitment fromCode(String code) {
    for (Recruitment value : values()) {
      if (code != null
          && value.code().equals(code.strip().toLowerCase(Locale.ROOT).replace('_', '-'))) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + code
            + "' is not a known Recruitment code: use one of "
            + Arrays.stream(values()).map(Recruitment::code).toList()
            + ".");
  }
}
