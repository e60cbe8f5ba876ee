package org.polity.jakarta.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become RFC 9457 problem documents. Each nested class maps one
 * family; {@link #all()} lists them for the application.
 *
 * <ul>
 *   <li>{@link InvalidInputException}, Jakarta Validation violations, malformed JSON, unknown
 *       fields and wrong types: 400 with the offending fields;
 *   <li>{@link RefusedException} (a {@link Refusal} of an application service): its kind's status,
 *       a stable type URI, title and detail in the reader's language;
 *   <li>Jakarta REST's own exceptions (404, 405, 406, 415, 401, 403): their status, with a plain
 *       title;
 *   <li>anything else: 500 with an incident number; the exception is logged with that number and
 *       never sent to the client.
 * </ul>
 */
public final class ProblemMappers {

  private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

  private ProblemMappers() {}

  /**
   * Every mapper, for {@code Application.getClasses()}.
   *
   * @return the mapper classes
   */
  public static Set<Class<?>> all() {
    return Set.of(
        InvalidInput.class,
        Violations.class,
        Problems.class,
        RefusalsOfServices.class,
        WebExceptions.class,
        JsonProblems.class,
        JsonBindingProblems.class,
        Unexpected.class);
  }

  /** A plain problem for an HTTP status, with Polity's wording. */
  static Problem forStatus(int status, String detail) {
    String title =
        switch (status) {
          case 400 -> "The request is not valid";
          case 401 -> "Sign-in required";
          case 403 -> "Not allowed";
          case 404 -> "Not found";
          case 405 -> "Method not allowed";
          case 406 -> "Cannot produce an acceptable representation";
          case 409 -> "Conflict with the current state";
          case 412 -> "The resource changed since you read it";
          case 428 -> "A precondition is required";
          case 415 -> "Unsupported media type";
          case 422 -> "Refused by a rule";
          default -> status >= 500 ? "Internal error" : "Request failed";
        };
    return new Problem("about:blank", title, status, detail, List.of());
  }

  static Problem invalid(String detail, List<Problem.FieldError> errors) {
    return new Problem(
        Problem.TYPE_BASE + "invalid-input", "The request is not valid", 400, detail, errors);
  }

  /** Finds a JSON failure among the causes, if any. */
  static Throwable jsonCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof JsonException || t instanceof JsonbException) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  static Problem jsonProblem(Throwable json) {
    String message = json.getMessage() == null ? "" : json.getMessage();
    String field = "body";
    // Yasson and Parsson name the property or position in their messages; keep it short.
    var matcher =
        java.util.regex.Pattern.compile("[Pp]roperty:? '?([A-Za-z0-9_$]+)'?").matcher(message);
    if (matcher.find()) {
      field = matcher.group(1);
    }
    String detail = message.lines().findFirst().orElse("The body is not valid JSON.");
    if (detail.length() > 300) {
      detail = detail.substring(0, 300) + "...";
    }
    return invalid(
        "The body is not the expected JSON: " + detail,
        List.of(new Problem.FieldError(field, detail)));
  }

  /** Maps {@link InvalidInputException} to 400 with its fields. */
  @Provider
  public static final class InvalidInput implements ExceptionMapper<InvalidInputException> {
    /** Creates the mapper. */
    public InvalidInput() {}

    @Override
    public Response toResponse(InvalidInputException exception) {
      return invalid("Some fields are not valid; see errors.", exception.errors()).toResponse();
    }
  }

  /** Maps Jakarta Validation violations to 400 with one entry per violation. */
  @Provider
  public static final class Violations implements ExceptionMapper<ConstraintViolationException> {
    /** Creates the mapper. */
    public Violations() {}

    @Override
    public Response toResponse(ConstraintViolationException exception) {
      List<Problem.FieldError> errors = new ArrayList<>();
      for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
        errors.add(
            new Problem.FieldError(field(violation.getPropertyPath()), violation.getMessage()));
      }
      errors.sort(
          Comparator.comparing(Problem.FieldError::field)
              .thenComparing(Problem.FieldError::message));
      return invalid("Some fields are not valid; see errors.", errors).toResponse();
    }

    private static String field(Path path) {
      StringBuilder field = new StringBuilder();
      for (Path.Node node : path) {
        if (node.getKind() == ElementKind.METHOD
            || node.getKind() == ElementKind.CONSTRUCTOR
            || node.getKind() == ElementKind.RETURN_VALUE) {
          continue;
        }
        if (node.getName() == null) {
          continue;
        }
        if (!field.isEmpty()) {
          field.append('.');
        }
        field.append(node.getName());
        if (node.getIndex() != null) {
          field.append('[').append(node.getIndex()).append(']');
        }
      }
      return field.isEmpty() ? "body" : field.toString();
    }
  }

  /** Answers a {@link ProblemException} with its document, extensions and language. */
  @Provider
  public static final class Problems implements ExceptionMapper<ProblemException> {
    /** Creates the mapper. */
    public Problems() {}

    @Override
    public Response toResponse(ProblemException exception) {
      return exception.toResponse();
    }
  }

  /**
   * Answers a {@link Refusal} of an application service ({@link RefusedException}) as a problem
   * document: type from its code, status from its kind, title and detail in the reader's language
   * ({@code Content-Language} says which), extension members as given.
   */
  @Provider
  public static final class RefusalsOfServices implements ExceptionMapper<RefusedException> {
    @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers;

    /** Creates the mapper. */
    public RefusalsOfServices() {}

    @Override
    public Response toResponse(RefusedException exception) {
      return answer(exception.refusal(), org.polity.jakarta.http.Languages.of(headers));
    }

    /**
     * The answer to a refusal.
     *
     * @param refusal the refusal
     * @param language the reader's language
     * @return the problem response
     */
    public static Response answer(Refusal refusal, java.util.Locale language) {
      int status = refusal.kind().status();
      Problem problem =
          new Problem(
              Problem.TYPE_BASE + refusal.code(),
              title(status, language),
              status,
              refusal.detail(language),
              List.of());
      return new ProblemException(problem, refusal.extensions(), language).toResponse();
    }
  }

  private static final org.polity.common.Texts TEXTS =
      org.polity.common.Texts.of(ProblemMappers.class);

  /**
   * The title of a problem of this status in the reader's language.
   *
   * @param status the HTTP status
   * @param language the reader's language
   * @return the title
   */
  static String title(int status, java.util.Locale language) {
    String key = "title." + status;
    return TEXTS.has(key)
        ? TEXTS.in(language, key)
        : TEXTS.in(language, status >= 500 ? "title.500" : "title.other");
  }

  /** Maps Jakarta REST's own exceptions (not found, not allowed, unsupported type...). */
  @Provider
  public static final class WebExceptions implements ExceptionMapper<WebApplicationException> {
    /** Creates the mapper. */
    public WebExceptions() {}

    @Override
    public Response toResponse(WebApplicationException exception) {
      Throwable json = jsonCause(exception);
      if (json != null) {
        return jsonProblem(json).toResponse();
      }
      Response original = exception.getResponse();
      int status = original == null ? 500 : original.getStatus();
      if (status >= 500) {
        return Unexpected.incident(exception);
      }
      String detail =
          switch (status) {
            case 401 -> "Sign in to do this.";
            case 403 -> "Your roles do not allow this.";
            case 404 -> "Nothing exists at this address.";
            case 405 -> "This address does not accept this method.";
            case 415 -> "Send the body as application/json.";
            default -> exception.getMessage();
          };
      Response.ResponseBuilder response =
          Response.fromResponse(forStatus(status, detail).toResponse());
      if (original != null) {
        original
            .getHeaders()
            .forEach(
                (name, values) -> {
                  if (!name.equalsIgnoreCase("Content-Type")
                      && !name.equalsIgnoreCase("Content-Length")) {
                    values.forEach(v -> response.header(name, v));
                  }
                });
      }
      return response.build();
    }
  }

  /** Maps malformed JSON (JSON-P) to 400. */
  @Provider
  public static final class JsonProblems implements ExceptionMapper<JsonException> {
    /** Creates the mapper. */
    public JsonProblems() {}

    @Override
    public Response toResponse(JsonException exception) {
      return jsonProblem(exception).toResponse();
    }
  }

  /** Maps JSON-B failures (unknown fields, wrong types) to 400. */
  @Provider
  public static final class JsonBindingProblems implements ExceptionMapper<JsonbException> {
    /** Creates the mapper. */
    public JsonBindingProblems() {}

    @Override
    public Response toResponse(JsonbException exception) {
      return jsonProblem(exception).toResponse();
    }
  }

  /** Maps anything else to 500: logged with an incident number, never shown to the client. */
  @Provider
  public static final class Unexpected implements ExceptionMapper<Throwable> {
    /** Creates the mapper. */
    public Unexpected() {}

    @Override
    public Response toResponse(Throwable exception) {
      Throwable json = jsonCause(exception);
      if (json != null) {
        return jsonProblem(json).toResponse();
      }
      return incident(exception);
    }

    static Response incident(Throwable exception) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
      return new Problem(
              Problem.TYPE_BASE + "internal-error",
              "Internal error",
              500,
              "Something went wrong on our side. Quote incident "
                  + incident
                  + " to the administrators.",
              List.of())
          .toResponse();
    }
  }
}
