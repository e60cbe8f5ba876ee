package org.polity.news;

import java.util.regex.Pattern;

/**
 * The identifier of a news item or an event, such as {@code news-3f9a0c1b2d4e}: lower-case letters,
 * digits and dashes, 1 to 64 characters, safe in a URL path.
 *
 * @param value the identifier
 */
public record NewsId(String value) {

  private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /** Refuses an identifier that is not of the form. */
  public NewsId {
    if (value == null || !FORM.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "The news id '"
              + value
              + "' is not lower-case letters, digits and dashes (1 to 64, starting with a letter or"
              + " digit), such as news-3f9a0c1b2d4e.");
    }
  }

  /**
   * Whether a text is a well-formed identifier.
   *
   * @param value the text
   * @return true when {@link #of(String)} accepts it
   */
  public static boolean isValid(String value) {
    return value != null && FORM.matcher(value).matches();
  }

  /**
   * An identifier from its text.
   *
   * @param value the text
   * @return the identifier
   */
  public static NewsId of(String value) {
    return new NewsId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
