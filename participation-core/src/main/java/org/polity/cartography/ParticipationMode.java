package org.polity.cartography;

import java.util.Arrays;
import java.util.Locale;

/**
 * How people take part.
 *
 * <p>Each constant has a stable {@link #code()} (lower case, hyphens) used in GeoJSON properties
 * and query parameters.
 */
public enum ParticipationMode {
  /** Face to face. */
  IN_PERSON,
  /** Online only. */
  ONLINE,
  /** Both in person and online. */
  BOTH;

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
  public static ParticipationMode fromCode(String code) {
    for (ParticipationMode value : values()) {
      if (code != null
          && value.code().equals(code.strip().toLowerCase(Locale.ROOT).replace('_', '-'))) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + code
            + "' is not a known ParticipationMode code: use one of "
            + Arrays.stream(values()).map(ParticipationMode::code).toList()
            + ".");
  }
}
