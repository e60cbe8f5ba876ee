package org.polity.jakarta.http;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.polity.common.LocalizedText;
import org.polity.common.Money;
import org.polity.jakarta.problem.InvalidValueException;

/** The JSON form of core's common values (money, multilingual texts), shared by every codec. */
public final class ValueJson {

  private ValueJson() {}

  /**
   * Money from {@code {"amount": "165000", "currency": "EUR"}} (the amount as a string or number).
   *
   * @param value the JSON
   * @param field its path, for messages
   * @return the money
   * @throws InvalidValueException naming {@code field}, in every language, when it is not money
   */
  public static Money money(JsonValue value, String field) {
    if (value instanceof JsonObject money && money.get("currency") instanceof JsonString currency) {
      JsonValue amount = money.get("amount");
      try {
        if (amount instanceof JsonString s) {
          return Money.of(s.getString(), currency.getString());
        }
        if (amount instanceof JsonNumber n) {
          // Never toPlainString(): 1e10000000 would write ten million digits.
          return Money.of(n.bigDecimalValue(), currency.getString());
        }
      } catch (IllegalArgumentException e) {
        throw new InvalidValueException(field, FieldErrors.text("field.money.invalid", field));
      }
    }
    throw new InvalidValueException(field, FieldErrors.text("field.money", field));
  }

  /**
   * Money as JSON.
   *
   * @param money the amount
   * @return {@code {"amount": "515055.00", "currency": "EUR"}}
   */
  public static JsonObject json(Money money) {
    return Jsonp.JSON
        .createObjectBuilder()
        .add("amount", money.amount().toPlainString())
        .add("currency", money.currency().getCurrencyCode())
        .build();
  }

  /**
   * A multilingual text as JSON.
   *
   * @param text the text
   * @return {@code {"fr": ..., "en": ...}}
   */
  public static JsonObject json(LocalizedText text) {
    JsonObjectBuilder json = Jsonp.JSON.createObjectBuilder();
    text.texts().forEach(json::add);
    return json.build();
  }

  /**
   * A multilingual text read back from a stored document.
   *
   * @param json the JSON
   * @return the text
   */
  /**
   * A multilingual text from JSON.
   *
   * @param json {@code {"fr": ..., "en": ...}}
   * @return the text
   */
  public static LocalizedText text(JsonObject json) {
    Map<String, String> texts = new LinkedHashMap<>();
    json.forEach((language, text) -> texts.put(language, ((JsonString) text).getString()));
    return new LocalizedText(texts);
  }

  /**
   * A multilingual text from {@code {"fr": "...", "nl": "..."}}.
   *
   * @param value the JSON
   * @param path its path, for messages
   * @return the text
   * @throws InvalidValueException naming the path, in every language, when it is not such a text
   */
  public static LocalizedText text(JsonValue value, String path) {
    return text(value, path, MAX_TEXT);
  }

  /** The longest title, in characters per language. */
  public static final int MAX_TITLE = 300;

  /** The longest text (a description, an answer), in characters per language. */
  public static final int MAX_TEXT = 20_000;

  private static final org.polity.common.Texts TEXTS = org.polity.common.Texts.of(ValueJson.class);

  /**
   * A multilingual text of bounded length, such as a title ({@link #MAX_TITLE}).
   *
   * @param value the JSON
   * @param path its path, for messages
   * @param maxLength the most characters per language
   * @return the text
   * @throws IllegalArgumentException when it is not a text per language, or one is too long
   */
  public static LocalizedText text(JsonValue value, String path, int maxLength) {
    if (value instanceof JsonObject object) {
      checkLengths(object, path, maxLength);
    }
    if (!(value instanceof JsonObject object) || object.isEmpty()) {
      throw new InvalidValueException(path, FieldErrors.text("field.text", path));
    }
    Map<String, String> texts = new LinkedHashMap<>();
    object.forEach(
        (language, text) -> {
          if (!(text instanceof JsonString s) || s.getString().isBlank()) {
            throw new InvalidValueException(
                path + "." + language, FieldErrors.text("field.text.language"));
          }
          texts.put(language.toLowerCase(Locale.ROOT), s.getString());
        });
    return new LocalizedText(texts);
  }

  /**
   * Refuses a text per language with one longer than the limit, before anything is built from it.
   *
   * @param object {@code {"fr": ..., "en": ...}}
   * @param path its path, for messages
   * @param maxLength the most characters per language
   * @throws IllegalArgumentException naming the path, the language and the limit
   */
  public static void checkLengths(JsonObject object, String path, int maxLength) {
    object.forEach(
        (language, text) -> {
          if (text instanceof JsonString s && s.getString().length() > maxLength) {
            throw new IllegalArgumentException(
                TEXTS.in(
                    Locale.ENGLISH,
                    "text.too-long",
                    path + "." + language,
                    language.length() > 10 ? language.substring(0, 10) : language,
                    Integer.toString(s.getString().length()),
                    Integer.toString(maxLength)));
          }
        });
  }
}
