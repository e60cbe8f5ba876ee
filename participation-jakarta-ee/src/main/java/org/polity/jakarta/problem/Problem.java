package org.polity.jakarta.problem;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.polity.common.LocalizedText;
import org.polity.jakarta.http.Jsonp;

/**
 * An RFC 9457 problem document.
 *
 * @param type a URI naming the kind of problem, {@code about:blank} for a plain HTTP status
 * @param title a short summary of the kind of problem, the same for every occurrence
 * @param status the HTTP status
 * @param detail what went wrong this time, for a human
 * @param errors the offending fields, empty when the problem is not about fields
 */
public record Problem(
    String type, String title, int status, String detail, List<FieldError> errors) {

  private static final JsonProvider JSON = org.polity.jakarta.http.Jsonp.JSON;

  /** The media type of problem documents. */
  public static final String MEDIA_TYPE = "application/problem+json";

  /** The base of Polity's problem type URIs. */
  public static final String TYPE_BASE = "https://polity.org/problems/";

  /** Refuses a status outside 400-599 and copies the list. */
  public Problem {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(title, "title");
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "A problem's status is " + status + ": give an error status, 400 to 599.");
    }
    errors = List.copyOf(errors);
  }

  /**
   * One offending input field.
   *
   * @param field where the field is: a JSON pointer-like path such as {@code projects[2]}, or the
   *     name of a path or query parameter
   * @param text what is wrong with it and what is expected, in French, Dutch and English (a text in
   *     English only is shown in English to every reader)
   */
  public record FieldError(String field, LocalizedText text) {
    /** Refuses nulls. */
    public FieldError {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(text, "text");
    }

    /**
     * An offending field with an English-only message.
     *
     * @param field the field
     * @param message what is wrong, in English
     */
    public FieldError(String field, String message) {
      this(field, LocalizedText.of("en", Objects.requireNonNull(message, "message")));
    }

    /**
     * What is wrong, in English.
     *
     * @return the message
     */
    public String message() {
      return text.in(Locale.ENGLISH);
    }

    /**
     * What is wrong, in the reader's language.
     *
     * @param language the reader's language
     * @return the text
     */
    public String detail(Locale language) {
      return text.in(language);
    }
  }

  /**
   * The document as JSON text.
   *
   * @return the JSON
   */
  public String toJson() {
    return toJson(JsonValue.EMPTY_JSON_OBJECT);
  }

  /**
   * The document as JSON text, with extension members (RFC 9457, section 3.2) after the standard
   * ones; an extension never replaces a standard member. Field errors are in English.
   *
   * @param extensions the extension members, such as {@code reasons}
   * @return the JSON
   */
  public String toJson(JsonObject extensions) {
    return toJson(extensions, Locale.ENGLISH);
  }

  /**
   * The document as JSON text, with extension members (RFC 9457, section 3.2) after the standard
   * ones; an extension never replaces a standard member. When there are offending fields, {@code
   * errors} lists each as {@code {"field": ..., "detail": ..., "message": ...}} ({@code detail} and
   * {@code message} alike, in the reader's language; {@code message} is kept for earlier clients),
   * and {@code field} names the first one.
   *
   * @param extensions the extension members, such as {@code reasons}
   * @param language the language of the fields' details
   * @return the JSON
   */
  public String toJson(JsonObject extensions, Locale language) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder().add("type", type).add("title", title).add("status", status);
    if (detail != null) {
      json.add("detail", detail);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = JSON.createArrayBuilder();
      errors.forEach(
          e -> {
            String text = e.detail(language);
            list.add(
                JSON.createObjectBuilder()
                    .add("field", e.field())
                    .add("detail", text)
                    .add("message", text));
          });
      json.add("errors", list);
      json.add("field", errors.get(0).field());
    }
    JsonObject standard = json.build();
    JsonObjectBuilder all = Jsonp.JSON.createObjectBuilder(standard);
    extensions.forEach(
        (name, value) -> {
          // An "errors" extension (a refusal's own list, such as an invalid ballot's reasons) is
          // kept when the problem names no field of its own.
          if (!standard.containsKey(name)) {
            all.add(name, value);
          }
        });
    return all.build().toString();
  }

  /**
   * The HTTP response carrying this document, its field errors in English.
   *
   * @return a response with status, {@code application/problem+json} and the document
   */
  public Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(toJson()).build();
  }

  /**
   * The HTTP response carrying this document in the reader's language ({@code Content-Language}
   * says which).
   *
   * @param language the reader's language
   * @return a response with status, {@code application/problem+json}, language and the document
   */
  public Response toResponse(Locale language) {
    return Response.status(status)
        .type(MediaType.valueOf(MEDIA_TYPE))
        .language(language)
        .entity(toJson(JsonValue.EMPTY_JSON_OBJECT, language))
        .build();
  }
}
