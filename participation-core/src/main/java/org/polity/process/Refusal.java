package org.polity.process;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.polity.common.LocalizedText;

/**
 * Why something a person or staff asked for was not done: an expected outcome, not an error. A
 * refusal never changes anything. Its {@link #code()} is stable for programs (an adapter maps it to
 * a problem document), its {@link #message()} is for people, in French, Dutch and English.
 *
 * @param code a stable dotted code such as {@code project.move-not-allowed}
 * @param message the explanation, English first
 */
public record Refusal(String code, LocalizedText message) {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");

  /** Validates the parts. */
  public Refusal {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "The refusal code '"
              + code
              + "' is not valid: use dotted lower-case words such as"
              + " \"project.move-not-allowed\".");
    }
    Objects.requireNonNull(message, "message");
  }

  /**
   * The explanation for a reader.
   *
   * @param locale the reader's locale
   * @return the explanation in the reader's language, or in English
   */
  public String message(Locale locale) {
    return message.in(locale);
  }

  @Override
  public String toString() {
    return code + ": " + message.in(Locale.ENGLISH);
  }
}
