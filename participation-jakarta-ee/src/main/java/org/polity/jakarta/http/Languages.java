package org.polity.jakarta.http;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.polity.common.Texts;

/** The reader's language: French, Dutch or English, from {@code Accept-Language}. */
public final class Languages {
  private Languages() {}

  /**
   * The first acceptable language Polity writes, English otherwise (also for a malformed {@code
   * Accept-Language}).
   *
   * @param headers the request's headers, or null
   * @return French, Dutch or English
   */
  public static Locale of(HttpHeaders headers) {
    List<Locale> acceptable;
    try {
      acceptable = headers == null ? List.of() : headers.getAcceptableLanguages();
    } catch (RuntimeException malformed) {
      acceptable = List.of();
    }
    return Texts.language(acceptable);
  }

  /**
   * The first acceptable language of a request Polity writes, English otherwise (also for a
   * malformed {@code Accept-Language}), for filters that have the request's context.
   *
   * @param request the request
   * @return French, Dutch or English
   */
  public static Locale of(jakarta.ws.rs.container.ContainerRequestContext request) {
    return Texts.language(RequestLimits.languages(request));
  }
}
