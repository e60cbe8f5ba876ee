package org.polity.jakarta.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.metadata.ConstraintDescriptor;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.polity.common.LocalizedText;
import org.polity.common.Texts;
import org.polity.jakarta.http.Languages;

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

  private static final org.polity.common.Texts TEXTS =
      org.polity.common.Texts.of(ProblemMappers.class);

  /**
   * The title of a problem in the reader's language, from the one bundle of titles keyed by problem
   * type code ({@code title.already-voted}); a code without a title of its own has the title of its
   * HTTP status ({@code title.409}).
   *
   * @param code the end of the type URI, such as {@code already-voted}, or null for {@code
   *     about:blank}
   * @param status the HTTP status
   * @param language the reader's language
   * @return the title
   */
  public static String title(String code, int status, Locale language) {
    if (code != null && TEXTS.has("title." + code)) {
      return TEXTS.in(language, "title." + code);
    }
    return title(status, language);
  }

  /**
   * A text of the problem bundle in one language.
   *
   * @param language the reader's language
   * @param key the key
   * @param args the arguments
   * @return the text
   */
  static String text(Locale language, String key, Object... args) {
    return TEXTS.in(language, key, args);
  }

  /** A plain problem for an HTTP status, with Polity's wording. */
  static Problem forStatus(int status, String detail, Locale language) {
    return new Problem("about:blank", title(status, language), status, detail, List.of());
  }

  static Problem invalid(Locale language, List<Problem.FieldError> errors) {
    String detail =
        errors.size() == 1
            ? TEXTS.in(language, "detail.invalid-input.one", errors.get(0).field())
            : TEXTS.in(language, "detail.invalid-input", String.valueOf(errors.size()));
    return new Problem(
        Problem.TYPE_BASE + "invalid-input",
        title("invalid-input", 400, language),
        400,
        detail,
        errors);
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

  /**
   * The answer to a body that is not the expected JSON: the member the parser names (Yasson and
   * Parsson name the property in their messages), else {@code body}; the details in the reader's
   * language (the parser's own English message is logged, not sent).
   */
  static Response jsonProblem(Throwable json, Locale language) {
    String message = json.getMessage() == null ? "" : json.getMessage();
    var matcher =
        java.util.regex.Pattern.compile("[Pp]roperty:? '?([A-Za-z0-9_$]+)'?").matcher(message);
    Problem.FieldError error =
        matcher.find()
            ? new Problem.FieldError(matcher.group(1), TEXTS.text("json.member", matcher.group(1)))
            : new Problem.FieldError("body", TEXTS.text("json.body"));
    LOG.log(Level.FINE, "A request body is not the expected JSON: {0}", message);
    return invalid(language, List.of(error)).toResponse(language);
  }

  /** Maps {@link InvalidInputException} to 400 with its fields. */
  @Provider
  public static final class InvalidInput implements ExceptionMapper<InvalidInputException> {
    @Context HttpHeaders headers;

    /** Creates the mapper. */
    public InvalidInput() {}

    @Override
    public Response toResponse(InvalidInputException exception) {
      Locale language = Languages.of(headers);
      return invalid(language, exception.errors()).toResponse(language);
    }
  }

  /** Maps Jakarta Validation violations to 400 with one entry per violation. */
  @Provider
  public static final class Violations implements ExceptionMapper<ConstraintViolationException> {
    @Context HttpHeaders headers;

    /** Creates the mapper. */
    public Violations() {}

    @Override
    public Response toResponse(ConstraintViolationException exception) {
      Locale language = Languages.of(headers);
      List<Problem.FieldError> errors = new ArrayList<>();
      for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
        errors.add(new Problem.FieldError(field(violation.getPropertyPath()), message(violation)));
      }
      errors.sort(
          Comparator.comparing(Problem.FieldError::field)
              .thenComparing(Problem.FieldError::message));
      return invalid(language, errors).toResponse(language);
    }

    /**
     * The violation's message in every language: the constraint's message template interpolated
     * again for French, Dutch and English (Hibernate Validator ships its messages in all three).
     */
    private static LocalizedText message(ConstraintViolation<?> violation) {
      var polity = POLITY_TEMPLATE.matcher(violation.getMessageTemplate());
      if (polity.matches() && TEXTS.has("validation." + polity.group(1))) {
        return TEXTS.text("validation." + polity.group(1));
      }
      Map<String, String> texts = new LinkedHashMap<>();
      for (Locale language : Texts.LANGUAGES) {
        String text = violation.getMessage();
        try {
          text =
              INTERPOLATOR.interpolate(
                  violation.getMessageTemplate(), new Interpolation(violation), language);
        } catch (RuntimeException cannot) {
          // keep the message the validator gave
        }
        texts.put(language.toLanguageTag(), text);
      }
      return new LocalizedText(texts);
    }

    private static final MessageInterpolator INTERPOLATOR = interpolator();

    /** A message template of Polity's own, written by the problem texts. */
    private static final java.util.regex.Pattern POLITY_TEMPLATE =
        java.util.regex.Pattern.compile("\\{(polity\\.[a-z.-]+)\\}");

    private static MessageInterpolator interpolator() {
      try (var factory = Validation.buildDefaultValidatorFactory()) {
        return factory.getMessageInterpolator();
      } catch (RuntimeException none) {
        return null;
      }
    }

    /** What the interpolator needs to know of a violation. */
    private record Interpolation(ConstraintViolation<?> violation)
        implements MessageInterpolator.Context {
      @Override
      public ConstraintDescriptor<?> getConstraintDescriptor() {
        return violation.getConstraintDescriptor();
      }

      @Override
      public Object getValidatedValue() {
        return violation.getInvalidValue();
      }

      @Override
      public <T> T unwrap(Class<T> type) {
        throw new jakarta.validation.ValidationException("Cannot unwrap to " + type);
      }
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
              title(refusal.code(), status, language),
              status,
              refusal.detail(language),
              List.of());
      return new ProblemException(problem, refusal.extensions(), language).toResponse();
    }
  }

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
    @Context HttpHeaders headers;

    /** Creates the mapper. */
    public WebExceptions() {}

    @Override
    public Response toResponse(WebApplicationException exception) {
      Locale language = Languages.of(headers);
      Throwable json = jsonCause(exception);
      if (json != null) {
        return jsonProblem(json, language);
      }
      Response original = exception.getResponse();
      int status = original == null ? 500 : original.getStatus();
      if (status >= 500) {
        return Unexpected.incident(exception, language);
      }
      String key = "detail." + status;
      String detail = TEXTS.has(key) ? TEXTS.in(language, key) : TEXTS.in(language, "detail.other");
      Response.ResponseBuilder response =
          Response.fromResponse(forStatus(status, detail, language).toResponse(language));
      if (original != null) {
        original
            .getHeaders()
            .forEach(
                (name, values) -> {
                  if (!name.equalsIgnoreCase("Content-Type")
                      && !name.equalsIgnoreCase("Content-Length")
                      && !name.equalsIgnoreCase("Content-Language")) {
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
    @Context HttpHeaders headers;

    /** Creates the mapper. */
    public JsonProblems() {}

    @Override
    public Response toResponse(JsonException exception) {
      return jsonProblem(exception, Languages.of(headers));
    }
  }

  /** Maps JSON-B failures (unknown fields, wrong types) to 400. */
  @Provider
  public static final class JsonBindingProblems implements ExceptionMapper<JsonbException> {
    @Context HttpHeaders headers;

    /** Creates the mapper. */
    public JsonBindingProblems() {}

    @Override
    public Response toResponse(JsonbException exception) {
      return jsonProblem(exception, Languages.of(headers));
    }
  }

  /** Maps anything else to 500: logged with an incident number, never shown to the client. */
  @Provider
  public static final class Unexpected implements ExceptionMapper<Throwable> {
    @Context HttpHeaders headers;

    /** Creates the mapper. */
    public Unexpected() {}

    @Override
    public Response toResponse(Throwable exception) {
      Locale language = Languages.of(headers);
      Throwable json = jsonCause(exception);
      if (json != null) {
        return jsonProblem(json, language);
      }
      return incident(exception, language);
    }

    static Response incident(Throwable exception, Locale language) {
      String incident = UUID.randomUUID().toString();
      LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
      return new Problem(
              Problem.TYPE_BASE + "internal-error",
              title("internal-error", 500, language),
              500,
              TEXTS.in(language, "detail.internal-error", incident),
              List.of())
          .toResponse(language);
    }
  }
}
