package org.polity.jakarta.problem;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Objects;

/**
 * A problem the REST layer answers as it is: a {@link Problem} with extension members (such as the
 * reasons and remedies of an eligibility decision) and the language it is written in. Used for
 * answers that a {@link Refusal} does not describe: 403 with reasons, 412 and 428 for conditional
 * requests.
 */
public final class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;
  private final transient JsonObject extensions;
  private final Locale language;

  /**
   * A problem.
   *
   * @param problem the document
   * @param extensions extension members; may be empty
   * @param language the language of the texts, sent as {@code Content-Language}; null if none
   */
  public ProblemException(Problem problem, JsonObject extensions, Locale language) {
    super(problem.detail());
    this.problem = Objects.requireNonNull(problem, "problem");
    this.extensions = extensions == null ? JsonValue.EMPTY_JSON_OBJECT : extensions;
    this.language = language;
  }

  /**
   * A plain problem of Polity's kind {@code code}.
   *
   * @param code the end of the type URI, such as {@code precondition-failed}
   * @param status the HTTP status
   * @param detail what happened and what to do
   * @return the exception
   */
  public static ProblemException of(String code, int status, String detail) {
    return new ProblemException(
        new Problem(
            Problem.TYPE_BASE + code,
            ProblemMappers.title(code, status, java.util.Locale.ENGLISH),
            status,
            detail,
            java.util.List.of()),
        JsonValue.EMPTY_JSON_OBJECT,
        null);
  }

  /**
   * The document.
   *
   * @return the problem
   */
  public Problem problem() {
    return problem;
  }

  /**
   * The answer.
   *
   * @return the response, {@code application/problem+json}
   */
  public Response toResponse() {
    Response.ResponseBuilder response =
        Response.status(problem.status())
            .type(Problem.MEDIA_TYPE)
            .entity(problem.toJson(extensions, language == null ? Locale.ENGLISH : language));
    if (language != null) {
      response.language(language);
    }
    return response.build();
  }
}
