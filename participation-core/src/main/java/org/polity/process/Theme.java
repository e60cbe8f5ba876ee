package org.polity.process;

import java.util.Objects;
import java.util.regex.Pattern;
import org.polity.common.LocalizedText;

/**
 * A theme of an edition (mobility, greenery, culture, ...), chosen each year, for instance by the
 * citizens' assembly. Projects refer to themes by {@link #id()}.
 *
 * @param id a short identifier: lower-case letters, digits, {@code -} and {@code _}
 * @param name the theme's public name
 */
public record Theme(String id, LocalizedText name) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  /** Validates the parts. */
  public Theme {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "The theme id '"
              + id
              + "' is not valid: use lower-case letters, digits, '-' and '_',"
              + " such as \"greenery\".");
    }
    Objects.requireNonNull(name, () -> "The name of theme '" + id + "' is missing.");
  }
}
