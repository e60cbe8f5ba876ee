package org.polity.portal.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.polity.jakarta.http.Languages;

/**
 * The reader's language on the portal's pages: the one they chose with the language switch ({@code
 * ?lang=fr}, {@code nl} or {@code en}), remembered for a year in the cookie {@value #COOKIE}; else
 * the one they chose before; else the first of their browser's languages that Polity writes; else
 * English. The filter hands the answer to the page in the header {@value #HEADER}, which it always
 * overwrites.
 */
@Provider
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public class LanguageChoice implements ContainerRequestFilter, ContainerResponseFilter {

  /** The cookie that remembers the choice. */
  public static final String COOKIE = "polity_lang";

  /** The header through which the filter hands the language to the page. */
  public static final String HEADER = "X-Polity-Page-Language";

  private static final String CHOSEN = LanguageChoice.class.getName() + ".chosen";

  /** Creates the filter; the Jakarta REST runtime calls it. */
  public LanguageChoice() {}

  @Override
  public void filter(ContainerRequestContext request) {
    request.getHeaders().remove(HEADER);
    if (!CsrfProtection.isPage(request.getUriInfo().getPath())) {
      return;
    }
    Optional<Locale> chosen = known(request.getUriInfo().getQueryParameters().getFirst("lang"));
    chosen.ifPresent(c -> request.setProperty(CHOSEN, c.getLanguage()));
    Locale language =
        chosen
            .or(
                () ->
                    Optional.ofNullable(request.getCookies().get(COOKIE))
                        .map(Cookie::getValue)
                        .flatMap(LanguageChoice::known))
            .orElseGet(() -> Languages.of(request));
    request.getHeaders().putSingle(HEADER, language.getLanguage());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(CHOSEN) instanceof String chosen) {
      response
          .getHeaders()
          .add(
              HttpHeaders.SET_COOKIE,
              new NewCookie.Builder(COOKIE)
                  .value(chosen)
                  .path("/")
                  .maxAge((int) Duration.ofDays(365).toSeconds())
                  .httpOnly(true)
                  .secure(request.getSecurityContext().isSecure())
                  .sameSite(NewCookie.SameSite.LAX)
                  .build());
    }
  }

  /**
   * The language a page is in.
   *
   * @param headers the request's headers, after this filter
   * @return French, Dutch or English
   */
  public static Locale of(HttpHeaders headers) {
    return known(headers.getHeaderString(HEADER)).orElseGet(() -> Languages.of(headers));
  }

  private static Optional<Locale> known(String tag) {
    if (tag == null) {
      return Optional.empty();
    }
    return Page.LANGUAGES.stream().filter(l -> l.getLanguage().equals(tag.trim())).findFirst();
  }
}
