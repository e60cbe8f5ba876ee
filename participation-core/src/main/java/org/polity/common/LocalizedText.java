package org.polity.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A text written in one or more languages, keyed by BCP 47 language tag ({@code fr}, {@code nl},
 * {@code en}, {@code de-CH}, ...).
 *
 * <p>Brussels requires French and Dutch, and welcomes English; other territories use other
 * languages, so any well-formed tag is accepted. Tags are normalised ({@code "FR"} and {@code "fr"}
 * are the same key), blank texts are refused, and the order in which languages were added is kept,
 * the first being the original language.
 *
 * <pre>{@code
 * LocalizedText title = LocalizedText.of("fr", "Un potager collectif")
 *         .with("nl", "Een gemeenschappelijke moestuin")
 *         .with("en", "A community vegetable garden");
 * title.in(Locale.forLanguageTag("nl")); // "Een gemeenschappelijke moestuin"
 * }</pre>
 *
 * @param texts the text per normalised language tag, in insertion order; never empty
 */
public record LocalizedText(Map<String, String> texts) {

  /** Validates and normalises the tags; the map is copied and unmodifiable. */
  public LocalizedText {
    Objects.requireNonNull(texts, "texts");
    if (texts.isEmpty()) {
      throw new IllegalArgumentException(
          "A localized text needs at least one language: use LocalizedText.of(\"fr\", \"...\").");
    }
    Map<String, String> normalised = new LinkedHashMap<>();
    texts.forEach(
        (tag, text) -> {
          String key = normaliseTag(tag);
          if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                "The text for language '"
                    + key
                    + "' is blank: give a non-blank text or leave the"
                    + " language out.");
          }
          if (normalised.put(key, text.strip()) != null) {
            throw new IllegalArgumentException(
                "The language '" + key + "' is given twice (tags are case-insensitive).");
          }
        });
    texts = Collections.unmodifiableMap(normalised);
  }

  /**
   * A text in one language.
   *
   * @param languageTag a BCP 47 tag such as {@code fr}
   * @param text the non-blank text
   * @return the text
   */
  public static LocalizedText of(String languageTag, String text) {
    return new LocalizedText(Map.of(languageTag, text));
  }

  /**
   * This text with a translation added or replaced.
   *
   * @param languageTag a BCP 47 tag such as {@code nl}
   * @param text the non-blank text in that language
   * @return a new text; this one is unchanged
   */
  public LocalizedText with(String languageTag, String text) {
    Map<String, String> copy = new LinkedHashMap<>(texts);
    copy.remove(normaliseTag(languageTag));
    copy.put(languageTag, text);
    return new LocalizedText(copy);
  }

  /**
   * The text in a language, if written in it.
   *
   * @param languageTag a BCP 47 tag
   * @return the text, or empty
   */
  public Optional<String> get(String languageTag) {
    return Optional.ofNullable(texts.get(normaliseTag(languageTag)));
  }

  /**
   * The best text for a reader: the exact tag, then the same language without region, then the
   * original (first) language.
   *
   * @param locale the reader's locale
   * @return a text, never null
   */
  public String in(Locale locale) {
    String exact = texts.get(locale.toLanguageTag());
    if (exact != null) {
      return exact;
    }
    String language = texts.get(locale.getLanguage());
    return language != null ? language : original();
  }

  /**
   * The text in the first language it was written in.
   *
   * @return the original text
   */
  public String original() {
    return texts.values().iterator().next();
  }

  /**
   * The languages this text is written in, the original first.
   *
   * @return normalised tags
   */
  public List<String> languages() {
    return List.copyOf(texts.keySet());
  }

  private static String normaliseTag(String tag) {
    if (tag == null || tag.isBlank()) {
      throw new IllegalArgumentException(
          "A language tag is blank: use a BCP 47 tag such as \"fr\".");
    }
    Locale locale = Locale.forLanguageTag(tag.strip());
    String normalised = locale.toLanguageTag();
    if ("und".equals(normalised)) {
      throw new IllegalArgumentException(
          "'"
              + tag
              + "' is not a BCP 47 language tag: use a tag such as \"fr\", \"nl\" or \"en\".");
    }
    return normalised;
  }
}
