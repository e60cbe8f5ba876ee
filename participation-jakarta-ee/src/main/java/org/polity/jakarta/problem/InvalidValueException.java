package org.polity.jakarta.problem;

import java.util.Objects;
import org.polity.common.LocalizedText;

/**
 * One value of a request body is not acceptable: thrown by the shared readers of JSON values (such
 * as money and multilingual texts) so that a body reader can collect it with the other bad members
 * of the body into one {@link InvalidInputException}. An {@link IllegalArgumentException}, so code
 * that catches those keeps working; its message is {@code field: text} in English.
 */
public final class InvalidValueException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient Problem.FieldError error;

  /**
   * An invalid value.
   *
   * @param field where it is, such as {@code estimatedCost} or {@code rules.themes[2].name}
   * @param text what is wrong and what is expected, in French, Dutch and English
   */
  public InvalidValueException(String field, LocalizedText text) {
    super(
        Objects.requireNonNull(field, "field")
            + ": "
            + Objects.requireNonNull(text, "text").in(java.util.Locale.ENGLISH));
    this.error = new Problem.FieldError(field, text);
  }

  /**
   * The offending field.
   *
   * @return the field and what is wrong with it
   */
  public Problem.FieldError error() {
    return error;
  }
}
