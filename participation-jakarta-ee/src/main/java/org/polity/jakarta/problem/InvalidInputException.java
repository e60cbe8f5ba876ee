package org.polity.jakarta.problem;

import java.util.List;
import org.polity.common.LocalizedText;

/**
 * A request's content is not acceptable: each offending field is named with what is expected.
 * Becomes a 400 problem document with the field list.
 */
public final class InvalidInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Problem.FieldError> errors;

  /**
   * Invalid input.
   *
   * @param errors the offending fields; not empty
   */
  public InvalidInputException(List<Problem.FieldError> errors) {
    super(
        errors.isEmpty()
            ? "invalid input"
            : errors.get(0).field() + ": " + errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  /**
   * One offending field.
   *
   * @param field the field
   * @param message what is wrong and what is expected
   * @return the exception
   */
  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(List.of(new Problem.FieldError(field, message)));
  }

  /**
   * One offending field, with what is wrong in every language.
   *
   * @param field the field
   * @param text what is wrong and what is expected, in French, Dutch and English
   * @return the exception
   */
  public static InvalidInputException of(String field, LocalizedText text) {
    return new InvalidInputException(List.of(new Problem.FieldError(field, text)));
  }

  /**
   * The offending fields.
   *
   * @return the fields
   */
  public List<Problem.FieldError> errors() {
    return errors;
  }
}
