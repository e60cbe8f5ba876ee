package org.polity.jakarta.problem;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
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
   * @param message what is wrong with it and what is expected
   */
  public record FieldError(String field, String message) {
    /** Refuses nulls. */
    public FieldError {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(message, "message");
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
   * ones; an extension never replaces a standard member.
   *
   * @param extensions the extension members, such as {@code reasons}
   * @return the JSON
   */
  public String toJson(JsonObject extensions) {
    JsonObjectBuilder json =
        JSON.createObjectBuilder().add("type", type).add("title", title).add("status", status);
    if (detail != null) {
      json.add("detail", detail);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = JSON.createArrayBuilder();
      errors.forEach(
          e ->
              list.add(
                  JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      json.add("errors", list);
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
   * The HTTP response carrying this document.
   *
   * @return a response with status, {@code application/problem+json} and the document
   */
  public Response toResponse() {
    return Response.status(status).type(MediaType.valueOf(MEDIA_TYPE)).entity(toJson()).build();
  }
}
