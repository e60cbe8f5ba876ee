package org.polity.jakarta.http;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.polity.common.LocalizedText;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.InvalidValueException;
import org.polity.jakarta.problem.Problem.FieldError;

/**
 * Small readers of JSON request bodies, each refusal naming the member with what is wrong in the
 * reader's language ({@link FieldErrors} collects several).
 */
public final class RequestBodies {
  private RequestBodies() {}

  /** Refuses members other than the given ones. */
  public static void only(JsonObject body, String... members) {
    Set<String> allowed = Set.of(members);
    List<FieldError> errors = new ArrayList<>();
    body.keySet().stream()
        .filter(k -> !allowed.contains(k))
        .sorted()
        .forEach(
            k ->
                errors.add(
                    new FieldError(
                        k,
                        FieldErrors.text(
                            "field.unknown-member",
                            String.join(", ", allowed.stream().sorted().toList())))));
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }

  /** A required string member. */
  public static String string(JsonObject body, String member) {
    JsonValue value = body.get(member);
    if (!(value instanceof JsonString s) || s.getString().isBlank()) {
      throw InvalidInputException.of(member, FieldErrors.text("field.string", member));
    }
    return s.getString();
  }

  /** A required multilingual text member, {@code {"fr": ..., "en": ...}}. */
  public static LocalizedText text(JsonObject body, String member) {
    try {
      return ValueJson.text(body.get(member), member);
    } catch (InvalidValueException e) {
      throw new InvalidInputException(List.of(e.error()));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.of(member, e.getMessage());
    }
  }
}
