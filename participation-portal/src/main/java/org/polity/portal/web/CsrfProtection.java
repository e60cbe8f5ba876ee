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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.polity.jakarta.http.Languages;

/**
 * Protects every form of the portal against cross-site request forgery, for signed-in and anonymous
 * readers alike: a random token in a cookie ({@value #COOKIE}, {@code HttpOnly}, {@code
 * SameSite=Strict}) that each form sends back in a hidden field ({@value #FIELD}); a form request
 * (any method but GET, HEAD and OPTIONS, outside {@code /api}, {@code /ogc} and {@code /health})
 * whose field does not equal its cookie, or whose {@code Origin} is another site's, is refused with
 * 403 before any page runs. The token is compared in constant time. The REST API is not concerned:
 * it signs in with bearer tokens, never with the portal's cookie.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION + 50)
public class CsrfProtection implements ContainerRequestFilter, ContainerResponseFilter {

  /** The cookie holding the token. */
  public static final String COOKIE = "polity_csrf";

  /** The form field that carries it back. */
  public static final String FIELD = "csrf";

  /**
   * The request header through which the filter hands the token to the page, always overwritten by
   * the filter (a value sent by the client never reaches a page).
   */
  public static final String HEADER = "X-Polity-Form-Token";

  /** The request property telling the response to set a new cookie. */
  private static final String NEW = CsrfProtection.class.getName() + ".new";

  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Creates the filter; the Jakarta REST runtime calls it. */
  public CsrfProtection() {}

  /**
   * Whether a path is one of the portal's pages (not the REST API, the map's OGC API or health).
   *
   * @param path the request's path, without a leading slash
   * @return whether forms on it are protected
   */
  public static boolean isPage(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return !(p.startsWith("api/")
        || p.equals("api")
        || p.startsWith("ogc")
        || p.startsWith("health")
        || p.startsWith("openapi"));
  }

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    request.getHeaders().remove(HEADER);
    if (!isPage(request.getUriInfo().getPath())) {
      return;
    }
    Optional<String> cookie =
        Optional.ofNullable(request.getCookies().get(COOKIE))
            .map(Cookie::getValue)
            .filter(v -> v.length() == 43);
    String token = cookie.orElseGet(CsrfProtection::newToken);
    request.getHeaders().putSingle(HEADER, token);
    if (cookie.isEmpty()) {
      request.setProperty(NEW, token);
    }
    if (SAFE.contains(request.getMethod())) {
      return;
    }
    Locale language = Languages.of(request);
    if (!sameOrigin(request)) {
      request.abortWith(refusal(language));
      return;
    }
    if (cookie.isEmpty()) {
      request.abortWith(refusal(language));
      return;
    }
    byte[] body = body(request);
    request.setEntityStream(new ByteArrayInputStream(body));
    Optional<String> sent = field(request.getMediaType(), body);
    if (sent.isEmpty() || !equal(sent.get(), cookie.get())) {
      request.abortWith(refusal(language));
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object fresh = request.getProperty(NEW);
    if (fresh instanceof String token) {
      response
          .getHeaders()
          .add(
              HttpHeaders.SET_COOKIE,
              new NewCookie.Builder(COOKIE)
                  .value(token)
                  .path("/")
                  .httpOnly(true)
                  .secure(request.getSecurityContext().isSecure())
                  .sameSite(NewCookie.SameSite.STRICT)
                  .build());
    }
  }

  /** The body as announced: exactly Content-Length bytes, or the whole chunked stream. */
  private static byte[] body(ContainerRequestContext request) throws IOException {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      try {
        int announced = Integer.parseInt(length.trim());
        return announced <= 0 ? new byte[0] : request.getEntityStream().readNBytes(announced);
      } catch (NumberFormatException e) {
        return new byte[0];
      }
    }
    if (request.getHeaderString("Transfer-Encoding") != null) {
      return request.getEntityStream().readAllBytes();
    }
    return new byte[0];
  }

  private static boolean sameOrigin(ContainerRequestContext request) {
    String origin = request.getHeaderString("Origin");
    if (origin == null || origin.isBlank()) {
      return true; // old browsers and no-referrer policies: the token decides
    }
    try {
      URI from = URI.create(origin.trim());
      String host = request.getHeaderString(HttpHeaders.HOST);
      return host != null
          && from.getAuthority() != null
          && from.getAuthority().equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Optional<String> field(MediaType type, byte[] body) {
    if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
      return Optional.empty();
    }
    String form = new String(body, StandardCharsets.UTF_8);
    for (String pair : form.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && FIELD.equals(decode(pair.substring(0, eq)))) {
        return Optional.of(decode(pair.substring(eq + 1)));
      }
    }
    return Optional.empty();
  }

  private static String decode(String part) {
    try {
      return URLDecoder.decode(part, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }

  private static boolean equal(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Response refusal(Locale language) {
    return Response.status(Response.Status.FORBIDDEN)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
        .entity(
            "<!DOCTYPE html><html lang=\""
                + language.getLanguage()
                + "\"><meta charset=\"utf-8\"><title>403</title><p>"
                + Page.TEXTS.in(language, "csrf.refused")
                + "</p></html>")
        .build();
  }
}
