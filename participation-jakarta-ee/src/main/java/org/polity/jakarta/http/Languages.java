package org.polity.jakarta.http;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.polity.jakarta.eligibility.DecisionJson;

/** The reader's language: French, Dutch or English, from {@code Accept-Language}. */
public final class Languages {
  private Languages() {}

  /** The first acceptable language Polity writes, English otherwise. */
  public static Locale of(HttpHeaders headers) {
    List<Locale> acceptable = headers == null ? List.of() : headers.getAcceptableLanguages();
    return DecisionJson.language(acceptable);
  }
}
