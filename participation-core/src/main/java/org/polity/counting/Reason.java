package org.polity.counting;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.polity.common.Texts;

/**
 * One sentence of an explanation, as a value: a stable code and its arguments, rendered in French,
 * Dutch or English from the bundle {@code org.polity.counting.messages} ({@link Texts}). Adapters
 * may show {@link #text(Locale)} or build their own text from the code and arguments.
 *
 * @param code the message key, e.g. {@code greedy.notFunded}
 * @param arguments the values the message refers to (numbers, amounts, project ids)
 */
public record Reason(String code, List<Object> arguments) {

  private static final Texts TEXTS = Texts.of(Reason.class);

  /** Checks the code is known and copies the arguments. */
  public Reason {
    Objects.requireNonNull(code, "code");
    arguments = List.copyOf(arguments);
    if (!TEXTS.has(code)) {
      throw new IllegalArgumentException(
          "The explanation code '"
              + code
              + "' has no message: add it to org/polity/counting/messages.properties.");
    }
  }

  /**
   * A reason.
   *
   * @param code the message key
   * @param arguments the values
   * @return the reason
   */
  public static Reason of(String code, Object... arguments) {
    return new Reason(code, List.of(arguments));
  }

  /**
   * The sentence in a language (fr, nl or en; anything else falls back to English).
   *
   * @param locale the language
   * @return the sentence
   */
  public String text(Locale locale) {
    return TEXTS.in(locale, code, arguments.toArray());
  }
}
