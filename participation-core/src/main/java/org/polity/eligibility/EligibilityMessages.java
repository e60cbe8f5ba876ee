package org.polity.eligibility;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts of eligibility decisions, from the {@code org.polity.eligibility.messages} bundles in
 * French, Dutch and English. Readers in other languages get English; the JVM's default locale is
 * never used as a fallback.
 */
public final class EligibilityMessages {

  /** The bundle's base name. */
  public static final String BUNDLE = "org.polity.eligibility.messages";

  /** The languages every text exists in. */
  public static final List<String> LANGUAGES = List.of("fr", "nl", "en");

  private EligibilityMessages() {}

  /**
   * The bundle for a reader.
   *
   * @param locale the reader's locale
   * @return the French, Dutch or (otherwise) English bundle
   */
  public static ResourceBundle bundle(Locale locale) {
    String language = LANGUAGES.contains(locale.getLanguage()) ? locale.getLanguage() : "en";
    return ResourceBundle.getBundle(
        BUNDLE,
        Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * A text with its arguments.
   *
   * @param locale the reader's locale
   * @param key the text's key
   * @param arguments the arguments, already rendered
   * @return the text
   */
  static String format(Locale locale, String key, Object... arguments) {
    String pattern = bundle(locale).getString(key);
    return new MessageFormat(pattern, locale).format(arguments);
  }
}
