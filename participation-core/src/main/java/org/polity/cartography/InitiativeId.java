package org.polity.cartography;

import java.util.regex.Pattern;

/**
 * The identifier of an initiative, usable in a URL path ({@code [A-Za-z0-9._-]}, 1 to 64
 * characters). The registry gives {@code ini-00000001}, {@code ini-00000002}, ...; identifiers
 * compare by plain string order, which is also the order of the map's pages.
 *
 * @param value the identifier
 */
public record InitiativeId(String value) implements Comparable<InitiativeId> {

  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Refuses characters that would not survive a URL path. */
  public InitiativeId {
    if (value == null || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "The initiative id '"
              + value
              + "' is not valid: use 1 to 64 letters, digits, '.', '_' or"
              + " '-'.");
    }
  }

  /**
   * An identifier.
   *
   * @param value the identifier
   * @return the id
   */
  public static InitiativeId of(String value) {
    return new InitiativeId(value);
  }

  @Override
  public int compareTo(InitiativeId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
