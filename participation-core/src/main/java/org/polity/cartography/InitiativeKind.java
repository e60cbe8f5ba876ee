package org.polity.cartography;

import java.util.Arrays;
import java.util.Locale;

/**
 * What kind of participatory initiative it is (after Participedia's case types).
 *
 * <p>Each constant has a stable {@link #code()} (lower case, hyphens) used in GeoJSON properties
 * and query parameters.
 */
public enum InitiativeKind {
  /** A participatory budget: residents propose and vote on projects. */
  PARTICIPATORY_BUDGET,
  /** A public consultation (survey, public inquiry, hearing). */
  CONSULTATION,
  /** A citizens' assembly, jury or panel, usually drawn by lot. */
  CITIZENS_ASSEMBLY,
  /** A standing neighbourhood or district council. */
  NEIGHBOURHOOD_COUNCIL,
  /** A workshop, world café or co-design session. */
  WORKSHOP,
  /** A collective or committee run by citizens. */
  CITIZEN_COLLECTIVE,
  /** A petition or citizens' initiative. */
  PETITION,
  /** Any other kind. */
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
  public static InitiativeKind fromCode(String code) {
    for (InitiativeKind value : values()) {
      if (code != null
          && value.code().equals(code.strip().toLowerCase(Locale.ROOT).replace('_', '-'))) {
        return value;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + code
            + "' is not a known InitiativeKind code: use one of "
            + Arrays.stream(values()).map(InitiativeKind::code).toList()
            + ".");
  }
}
