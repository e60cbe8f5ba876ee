package org.polity.process.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.polity.common.LocalizedText;

/**
 * Reads user-facing texts from resource bundles in English (the base bundle), French and Dutch, and
 * fills in their {@code {0}}-style arguments. Arguments that are {@link LocalizedText} or {@code
 * Function<Locale, String>} are resolved per language. Apostrophes need no escaping (this is not
 * {@link java.text.MessageFormat}).
 */
public final class Texts {

  /** The languages every text is written in, English first (the fallback). */
  public static final List<Locale> LANGUAGES =
      List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("nl"));

  /** The bundle of {@code org.polity.process}. */
  public static final String PROCESS = "org.polity.process.texts";

  /** The bundle of {@code org.polity.project}. */
  public static final String PROJECT = "org.polity.project.texts";

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Texts() {}

  /**
   * A text of the process bundle.
   *
   * @param key the key
   * @param args the arguments
   * @return the text in every language
   */
  public static LocalizedText process(String key, Object... args) {
    return text(PROCESS, key, args);
  }

  /**
   * A text of the process bundle, if it has the key.
   *
   * @param key the key
   * @return the text, or empty
   */
  public static Optional<LocalizedText> processOptional(String key) {
    return bundle(PROCESS, Locale.ENGLISH).containsKey(key)
        ? Optional.of(text(PROCESS, key))
        : Optional.empty();
  }

  /**
   * A text of the project bundle.
   *
   * @param key the key
   * @param args the arguments
   * @return the text in every language
   */
  public static LocalizedText project(String key, Object... args) {
    return text(PROJECT, key, args);
  }

  /**
   * A text of a bundle in every language, English first.
   *
   * @param baseName the bundle
   * @param key the key, which the base (English) bundle must have
   * @param args the arguments
   * @return the text
   */
  public static LocalizedText text(String baseName, String key, Object... args) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Locale language : LANGUAGES) {
      String pattern;
      try {
        pattern = bundle(baseName, language).getString(key);
      } catch (MissingResourceException e) {
        throw new IllegalStateException(
            "The bundle " + baseName + " has no text '" + key + "'.", e);
      }
      texts.put(language.toLanguageTag(), fill(pattern, language, args));
    }
    return new LocalizedText(texts);
  }

  /**
   * Joins values per language, for lists inside messages.
   *
   * @param values the values (LocalizedText, functions of a locale, or plain objects)
   * @return a function giving the joined list in a language
   */
  public static Function<Locale, String> list(Collection<?> values) {
    return locale ->
        values.isEmpty()
            ? "-"
            : values.stream()
                .map(value -> resolve(value, locale))
                .collect(Collectors.joining(", "));
  }

  private static ResourceBundle bundle(String baseName, Locale locale) {
    return ResourceBundle.getBundle(baseName, locale, Texts.class.getClassLoader(), NO_FALLBACK);
  }

  private static String fill(String pattern, Locale locale, Object[] args) {
    String result = pattern;
    for (int i = 0; i < args.length; i++) {
      result = result.replace("{" + i + "}", resolve(args[i], locale));
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  private static String resolve(Object value, Locale locale) {
    if (value instanceof LocalizedText text) {
      return text.in(locale);
    }
    if (value instanceof Function<?, ?> function) {
      return ((Function<Locale, String>) function).apply(locale);
    }
    return String.valueOf(value);
  }
}
