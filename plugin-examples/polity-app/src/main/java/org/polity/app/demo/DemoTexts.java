package org.polity.app.demo;

import java.util.Locale;
import java.util.ResourceBundle;

/** The demo's own texts (headings, event lines) in English, French and Dutch; English otherwise. */
final class DemoTexts {

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final ResourceBundle bundle;

  DemoTexts(Locale locale) {
    this.bundle =
        ResourceBundle.getBundle(
            "org.polity.app.demo.demo", locale, DemoTexts.class.getClassLoader(), NO_FALLBACK);
  }

  String get(String key, Object... args) {
    String text = bundle.getString(key);
    for (int i = 0; i < args.length; i++) {
      text = text.replace("{" + i + "}", String.valueOf(args[i]));
    }
    return text;
  }
}
