package org.polity.common;

import java.text.MessageFormat;
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

/**
 * The one way Polity writes user-facing texts, in core, in the adapter and in plugins: a bundle of
 * {@code messages.properties} (English), {@code messages_fr.properties} and {@code
 * messages_nl.properties} beside the classes of a package, read with {@link MessageFormat} patterns
 * ({@code {0}}, {@code {0,number,integer}}).
 *
 * <p>Because the patterns are {@link MessageFormat}'s, a literal apostrophe is written twice
 * ({@code l''assemblée}, {@code citizens'' assembly}) or as the typographic ’, and a literal brace
 * is quoted ({@code '{'}); a number argument is formatted with the reader's grouping ({@code
 * 1,000}, {@code 1 000}): pass {@code String.valueOf(n)} or write {@code {0,number,#}} where an
 * identifier or a year is meant. {@code TextsBundlesTest} checks every bundle of the repository.
 *
 * <pre>{@code
 * private static final Texts TEXTS = Texts.of(MyCapability.class); // org/example/news/messages*.properties
 * LocalizedText why = TEXTS.text("news.not-found", newsId);       // fr, nl and en at once
 * String title = TEXTS.in(Locale.FRENCH, "news.title");
 * }</pre>
 *
 * <p>Every text exists in the three {@link #LANGUAGES}; a key missing from one of them is a defect
 * that throws {@link IllegalStateException} naming the bundle and the key. A reader in another
 * language gets English; the JVM's default locale is never used.
 *
 * <p>An argument may be a {@link LocalizedText} or a {@code Function<Locale, String>}: it is
 * rendered in each language; anything else through {@link MessageFormat}.
 */
public final class Texts {

  /** The languages every text exists in: English, French and Dutch. */
  public static final List<Locale> LANGUAGES =
      List.of(Locale.ENGLISH, Locale.FRENCH, Locale.forLanguageTag("nl"));

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final String baseName;
  private final ClassLoader loader;

  private Texts(String baseName, ClassLoader loader) {
    this.baseName = baseName;
    this.loader = loader;
  }

  /**
   * The texts of a package: the bundle {@code messages} beside {@code anchor}.
   *
   * @param anchor any class of the package
   * @return the texts
   */
  public static Texts of(Class<?> anchor) {
    return new Texts(anchor.getPackageName() + ".messages", anchor.getClassLoader());
  }

  /**
   * The language a reader gets: theirs when it is one of {@link #LANGUAGES}, else English.
   *
   * @param locale the reader's locale, or null
   * @return French, Dutch or English
   */
  public static Locale language(Locale locale) {
    if (locale != null) {
      for (Locale language : LANGUAGES) {
        if (language.getLanguage().equals(locale.getLanguage())) {
          return language;
        }
      }
    }
    return Locale.ENGLISH;
  }

  /**
   * The first of the reader's acceptable languages that Polity speaks, else English.
   *
   * @param acceptable the reader's languages, most wanted first
   * @return French, Dutch or English
   */
  public static Locale language(List<Locale> acceptable) {
    for (Locale wanted : acceptable) {
      for (Locale language : LANGUAGES) {
        if (language.getLanguage().equals(wanted.getLanguage())) {
          return language;
        }
      }
    }
    return Locale.ENGLISH;
  }

  /**
   * A text in every language.
   *
   * @param key the key
   * @param args the arguments
   * @return the text in English, French and Dutch
   * @throws IllegalStateException when a language lacks the key
   */
  public LocalizedText text(String key, Object... args) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (Locale language : LANGUAGES) {
      texts.put(language.toLanguageTag(), in(language, key, args));
    }
    return new LocalizedText(texts);
  }

  /**
   * A text in every language, if the bundle has the key.
   *
   * @param key the key
   * @param args the arguments
   * @return the text, or empty
   */
  public Optional<LocalizedText> optional(String key, Object... args) {
    return has(key) ? Optional.of(text(key, args)) : Optional.empty();
  }

  /**
   * Whether the bundle has a key (in English).
   *
   * @param key the key
   * @return whether it has
   */
  public boolean has(String key) {
    return bundle(Locale.ENGLISH).containsKey(key);
  }

  /**
   * A text in one language.
   *
   * @param locale the reader's locale ({@link #language(Locale)} chooses the language)
   * @param key the key
   * @param args the arguments
   * @return the text
   * @throws IllegalStateException when the language lacks the key
   */
  public String in(Locale locale, String key, Object... args) {
    Locale language = language(locale);
    String pattern;
    try {
      pattern = bundle(language).getString(key);
    } catch (MissingResourceException e) {
      throw new IllegalStateException(
          "The bundle " + baseName + " has no text '" + key + "' in " + language + ".", e);
    }
    // Numbers and dates are formatted for the reader's own region (fr-BE, nl-BE) when Polity
    // speaks its language, else in English: never in the JVM's default locale.
    Locale formatting =
        locale != null && locale.getLanguage().equals(language.getLanguage()) ? locale : language;
    Object[] rendered = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      rendered[i] = render(args[i], language);
    }
    return new MessageFormat(pattern, formatting).format(rendered);
  }

  /**
   * The bundle in one language, for code that lists its keys.
   *
   * @param locale the reader's locale
   * @return the French, Dutch or English bundle
   */
  public ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(baseName, language(locale), loader, NO_FALLBACK);
  }

  /**
   * A list of values rendered in each language, as an argument: {@code "a, b, c"}, or {@code "-"}
   * when empty.
   *
   * @param values the values ({@link LocalizedText}s are rendered in the reader's language)
   * @return the argument
   */
  public static Function<Locale, String> list(Collection<?> values) {
    return locale ->
        values.isEmpty()
            ? "-"
            : values.stream()
                .map(value -> String.valueOf(render(value, locale)))
                .collect(Collectors.joining(", "));
  }

  @SuppressWarnings("unchecked")
  private static Object render(Object value, Locale locale) {
    if (value instanceof LocalizedText text) {
      return text.in(locale);
    }
    if (value instanceof Function<?, ?> function) {
      return ((Function<Locale, String>) function).apply(locale);
    }
    return value;
  }
}
