package org.polity.jakarta.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.polity.common.LocalizedText;
import org.polity.common.Texts;
import org.polity.jakarta.problem.InvalidInputException;
import org.polity.jakarta.problem.InvalidValueException;
import org.polity.jakarta.problem.Problem.FieldError;

/**
 * The bad members of one request body, collected so that the body is answered once with all of them
 * (a 400 problem whose {@code errors} lists each field with its detail in the reader's language). A
 * body reader reads every member through {@link #read}, then calls {@link #done()}.
 *
 * <pre>{@code
 * FieldErrors errors = new FieldErrors();
 * LocalizedText title = errors.read("title", () -> ValueJson.text(body.get("title"), "title"));
 * Money cost = errors.read("estimatedCost", () -> ValueJson.money(body.get("estimatedCost"), "estimatedCost"));
 * errors.done(); // throws InvalidInputException naming both when both are bad
 * }</pre>
 */
public final class FieldErrors {

  private static final Texts TEXTS = Texts.of(FieldErrors.class);

  private final List<FieldError> errors = new ArrayList<>();

  /** No bad member yet. */
  public FieldErrors() {}

  /**
   * A text of the shared field messages ({@code org/polity/jakarta/http/messages*.properties}), in
   * every language.
   *
   * @param key the key, such as {@code field.string}
   * @param args the arguments
   * @return the text
   */
  public static LocalizedText text(String key, Object... args) {
    return TEXTS.text(key, args);
  }

  /**
   * Notes a bad member.
   *
   * @param field the member
   * @param text what is wrong, in every language
   */
  public void add(String field, LocalizedText text) {
    errors.add(new FieldError(field, text));
  }

  /**
   * Notes a bad member, with a text of the shared field messages.
   *
   * @param field the member
   * @param key the key of the text
   * @param args its arguments
   */
  public void add(String field, String key, Object... args) {
    add(field, text(key, args));
  }

  /**
   * Reads a member; a bad one is noted and gives null. {@link InvalidValueException} names its own
   * field; another {@link IllegalArgumentException} is noted under {@code field} with its message.
   *
   * @param field the member, for a failure that does not name one
   * @param reader reads the member
   * @param <T> the value
   * @return the value, or null when it is bad
   */
  public <T> T read(String field, Supplier<T> reader) {
    try {
      return reader.get();
    } catch (InvalidValueException e) {
      errors.add(e.error());
    } catch (InvalidInputException e) {
      errors.addAll(e.errors());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(field, LocalizedText.of("en", String.valueOf(e.getMessage()))));
    }
    return null;
  }

  /**
   * Reads an optional member.
   *
   * @param field the member
   * @param reader reads it
   * @param <T> the value
   * @return the value, or empty when it is bad
   */
  public <T> Optional<T> optional(String field, Supplier<T> reader) {
    return Optional.ofNullable(read(field, reader));
  }

  /**
   * Whether a bad member was noted.
   *
   * @return whether any
   */
  public boolean any() {
    return !errors.isEmpty();
  }

  /**
   * How many bad members were noted.
   *
   * @return the count
   */
  public int count() {
    return errors.size();
  }

  /**
   * Throws when a bad member was noted.
   *
   * @throws InvalidInputException naming every bad member
   */
  public void done() {
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
  }
}
