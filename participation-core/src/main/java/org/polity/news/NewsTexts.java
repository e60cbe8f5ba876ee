package org.polity.news;

import java.util.Set;
import org.polity.common.LocalizedText;

/**
 * The rule of the texts of news and events: at least one of French, Dutch and English (the
 * languages Polity serves), and no other, each within a length limit.
 */
public final class NewsTexts {

  /** The languages a text may be in. */
  public static final Set<String> LANGUAGES = Set.of("fr", "nl", "en");

  /** The longest title, in characters. */
  public static final int MAX_TITLE = 200;

  /** The longest body (a news item's text, an event's description), in characters. */
  public static final int MAX_BODY = 20_000;

  private NewsTexts() {}

  /**
   * What is wrong with a text, if anything.
   *
   * @param text the text
   * @param maxLength the longest text allowed in each language
   * @return empty when the text is acceptable, else what to change (English, for programmers)
   */
  public static java.util.Optional<String> problem(LocalizedText text, int maxLength) {
    if (text == null) {
      return java.util.Optional.of("give the text in French, Dutch or English (fr, nl, en)");
    }
    for (var entry : text.texts().entrySet()) {
      if (!LANGUAGES.contains(entry.getKey())) {
        return java.util.Optional.of(
            "the language '" + entry.getKey() + "' is not one of fr, nl, en: leave it out");
      }
      if (entry.getValue().length() > maxLength) {
        return java.util.Optional.of(
            "the "
                + entry.getKey()
                + " text has "
                + entry.getValue().length()
                + " characters: keep it within "
                + maxLength);
      }
    }
    return java.util.Optional.empty();
  }

  static LocalizedText checked(LocalizedText text, int maxLength, String what) {
    problem(text, maxLength)
        .ifPresent(
            p -> {
              throw new IllegalArgumentException("The " + what + " is not acceptable: " + p + ".");
            });
    return text;
  }
}
