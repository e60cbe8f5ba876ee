package org.polity.portal.account;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.stream.Collectors;
import org.polity.jakarta.http.RateLimits;
import org.polity.jakarta.security.PolityRole;
import org.polity.portal.web.CsrfProtection;

/**
 * Signs a page request in from its session cookie ({@value #COOKIE}): when the cookie names an open
 * session, the request's security context becomes the account's ({@link AccountSecurityContext}),
 * with its Polity role names. Only on the portal's pages ({@link CsrfProtection#isPage}): the REST
 * API keeps its bearer tokens, and a session cookie never authenticates an API call. Runs after the
 * language is chosen and before the adapter maps roles. It also hands the client's address to the
 * pages in {@value #CLIENT_HEADER} (always overwritten), for the throttling of sign-ins.
 */
@Provider
@PreMatching
@ApplicationScoped
@Priority(Priorities.HEADER_DECORATOR + 100)
public class SessionFilter implements ContainerRequestFilter {

  /** The session cookie. */
  public static final String COOKIE = "polity_session";

  /** The header through which the filter hands the client's address to the pages. */
  public static final String CLIENT_HEADER = "X-Polity-Page-Client";

  @Inject AccountService accounts;

  /** Creates the filter; CDI calls it. */
  public SessionFilter() {}

  @Override
  public void filter(ContainerRequestContext request) {
    request.getHeaders().remove(CLIENT_HEADER);
    if (!CsrfProtection.isPage(request.getUriInfo().getPath())) {
      return;
    }
    if (request.getProperty(RateLimits.CLIENT_ADDRESS) instanceof String address) {
      request.getHeaders().putSingle(CLIENT_HEADER, address);
    }
    Optional<String> token = token(request.getCookies().get(COOKIE));
    if (token.isEmpty()) {
      return;
    }
    boolean secure = secure(request);
    accounts
        .session(token.get())
        .ifPresent(
            account ->
                request.setSecurityContext(
                    new AccountSecurityContext(
                        AccountPrincipal.of(account),
                        account.roles().stream()
                            .map(PolityRole::roleName)
                            .collect(Collectors.toSet()),
                        secure)));
  }

  /**
   * The token of a session cookie.
   *
   * @param cookie the cookie, or null
   * @return the token, or empty
   */
  public static Optional<String> token(Cookie cookie) {
    return Optional.ofNullable(cookie).map(Cookie::getValue).filter(v -> v.length() == 43);
  }

  /**
   * The session cookie: {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} over https, for the
   * browser's session (the server ends it after the idle or absolute time).
   *
   * @param token the token, or empty to delete the cookie
   * @param secure whether the request came over https
   * @return the cookie
   */
  public static NewCookie cookie(String token, boolean secure) {
    NewCookie.Builder builder =
        new NewCookie.Builder(COOKIE)
            .value(token)
            .path("/")
            .httpOnly(true)
            .secure(secure)
            .sameSite(NewCookie.SameSite.LAX);
    if (token.isEmpty()) {
      builder.maxAge(0);
    }
    return builder.build();
  }

  /**
   * Whether a request came over https.
   *
   * @param request the request
   * @return whether
   */
  static boolean secure(ContainerRequestContext request) {
    return (request.getSecurityContext() != null && request.getSecurityContext().isSecure())
        || "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
  }
}
