package org.polity.jakarta.problem;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.polity.common.LocalizedText;

/**
 * Why a use case was refused: the one refusal type of the adapter's application services. A service
 * returns it inside a {@link Result}; {@link ProblemMappers}, the one place that speaks HTTP,
 * answers it as an RFC 9457 problem document whose type ends with {@link #code()}, whose status
 * follows {@link #kind()}, and whose title and detail are in the reader's language.
 *
 * @param kind what sort of refusal, which decides the HTTP status
 * @param code the stable end of the problem type, such as {@code already-voted}
 * @param detail what happened and what to do, in French, Dutch and English
 * @param extensions extension members of the problem document (such as the reasons and remedies of
 *     an eligibility decision); empty when none
 */
public record Refusal(Kind kind, String code, LocalizedText detail, JsonObject extensions) {

  private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)*");

  /** What sort of refusal: each maps to one HTTP status. */
  public enum Kind {
    /** The request is malformed (400). */
    INVALID(400),
    /** The caller may not do this (403). */
    FORBIDDEN(403),
    /** Nothing exists there (404). */
    NOT_FOUND(404),
    /** The current state does not allow it (409). */
    CONFLICT(409),
    /** The thing changed since the caller read it (412). */
    STALE(412),
    /** A rule refuses the content (422). */
    RULE(422),
    /** A conditional request is required (428). */
    PRECONDITION_REQUIRED(428),
    /** The request is larger than the server accepts (413). */
    TOO_LARGE(413),
    /** The caller sent too many requests of this kind; it may retry later (429). */
    TOO_MANY_REQUESTS(429);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    /**
     * The HTTP status.
     *
     * @return the status code
     */
    public int status() {
      return status;
    }
  }

  /**
   * Checks the refusal.
   *
   * @throws IllegalArgumentException for a code that is not dotted lower-case words
   */
  public Refusal {
    Objects.requireNonNull(kind, "kind");
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "The refusal code '"
              + code
              + "' is not valid: use lower-case words with dashes, such as \"already-voted\".");
    }
    Objects.requireNonNull(detail, "detail");
    extensions = extensions == null ? JsonValue.EMPTY_JSON_OBJECT : extensions;
  }

  /**
   * A refusal without extension members.
   *
   * @param kind the kind
   * @param code the code
   * @param detail the detail
   * @return the refusal
   */
  public static Refusal of(Kind kind, String code, LocalizedText detail) {
    return new Refusal(kind, code, detail, JsonValue.EMPTY_JSON_OBJECT);
  }

  /**
   * The one way to say "not found": code {@code not-found}, status 404.
   *
   * @param detail what was not found, in every language
   * @return the refusal
   */
  public static Refusal notFound(LocalizedText detail) {
    return of(Kind.NOT_FOUND, "not-found", detail);
  }

  /**
   * A refusal of core's ({@link org.polity.process.Refusal}), of the given kind.
   *
   * @param kind the kind
   * @param refusal core's refusal
   * @return the refusal
   */
  public static Refusal of(Kind kind, org.polity.process.Refusal refusal) {
    return of(kind, refusal.code(), refusal.message());
  }

  /**
   * The detail in one language.
   *
   * @param language the reader's language
   * @return the text
   */
  public String detail(Locale language) {
    return detail.in(language);
  }

  /**
   * The refusal as an exception, for code that must unwind (a transaction to roll back, a REST
   * resource handing it to {@link ProblemMappers}).
   *
   * @return the exception
   */
  public RefusedException toException() {
    return new RefusedException(this);
  }
}
