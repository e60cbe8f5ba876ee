package org.polity.jakarta.problem;

import java.util.Locale;
import java.util.Objects;
import org.polity.common.LocalizedText;

/**
 * A refusal by core with its message in several languages (core's {@code Refusal}): answered as a
 * 409 or 422 problem whose type ends with the refusal's code and whose detail is written in the
 * reader's language (French, Dutch or English, from {@code Accept-Language}).
 */
public final class LocalizedRefusalException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;
  private final transient LocalizedText text;

  /**
   * A refusal.
   *
   * @param code the stable code, such as {@code project.move-not-allowed}
   * @param status 409 or 422
   * @param text the message in several languages
   */
  public LocalizedRefusalException(String code, int status, LocalizedText text) {
    super(text.in(Locale.ENGLISH));
    this.code = Objects.requireNonNull(code, "code");
    if (status != 409 && status != 422) {
      throw new IllegalArgumentException(
          "A refusal's status is " + status + ": use 409 (conflict) or 422 (a rule refuses).");
    }
    this.status = status;
    this.text = text;
  }

  /**
   * The answer in a language.
   *
   * @param language the reader's language
   * @return the problem exception to answer with
   */
  public ProblemException in(Locale language) {
    return new ProblemException(
        new Problem(
            Problem.TYPE_BASE + code,
            ProblemMappers.forStatus(status, null).title(),
            status,
            text.in(language),
            java.util.List.of()),
        null,
        language);
  }
}
