package org.polity.jakarta.standalone.auth;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.polity.common.LocalizedText;
import org.polity.jakarta.config.Authentication;
import org.polity.jakarta.problem.Problem;
import org.polity.jakarta.problem.ProblemException;
import org.polity.jakarta.standalone.SignedIn;

/**
 * Signs a request in from its OpenID Connect access token ({@code Authorization: Bearer <JWT>}, RFC
 * 6750), for the standalone server.
 *
 * <ul>
 *   <li>No {@code Authorization} header: the caller stays anonymous, and each endpoint's
 *       {@code @RolesAllowed} decides (401 where a sign-in is needed).
 *   <li>A valid token: the request's security context names the person (the user claim) with the
 *       roles of the roles claim; {@link org.polity.jakarta.security.RoleMappingFilter} then maps
 *       them to Polity's roles by {@code polity.roles.*}, as it maps a portal's roles.
 *   <li>A token that is not valid (malformed, unsigned, wrong algorithm, unknown key, bad
 *       signature, expired, not yet valid, wrong issuer or audience) or another authorisation
 *       scheme: 401 with an RFC 9457 problem document and {@code WWW-Authenticate: Bearer
 *       error="invalid_token"} (or {@code invalid_request}). The reason is logged, never the token.
 *   <li>The identity provider's keys cannot be fetched: 503 with {@code Retry-After}.
 * </ul>
 *
 * <p>It runs before resource matching, so a bad token is refused on every path, public ones
 * included, as RFC 6750 expects. In development mode it runs after the development sign-in filter,
 * so that a token, when present, decides.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 100)
public final class BearerTokenFilter implements ContainerRequestFilter {

  /** The authentication scheme reported by the security context. */
  public static final String SCHEME = "Bearer";

  /** The realm named in {@code WWW-Authenticate}. */
  static final String REALM = "polity";

  /** What a client waits before trying again when the keys cannot be fetched, in seconds. */
  static final int RETRY_AFTER_SECONDS = 30;

  private static final Logger LOG = Logger.getLogger(BearerTokenFilter.class.getName());

  private static final LocalizedText EXPIRED =
      LocalizedText.of("en", "Your access token has expired: sign in again or refresh it.")
          .with("fr", "Votre jeton d'accès a expiré : reconnectez-vous ou renouvelez-le.")
          .with("nl", "Uw toegangstoken is verlopen: meld u opnieuw aan of vernieuw het.");
  private static final LocalizedText INVALID =
      LocalizedText.of("en", "Your access token is not valid for this service: sign in again.")
          .with("fr", "Votre jeton d'accès n'est pas valable pour ce service : reconnectez-vous.")
          .with("nl", "Uw toegangstoken is niet geldig voor deze dienst: meld u opnieuw aan.");
  private static final LocalizedText NOT_BEARER =
      LocalizedText.of("en", "Send your access token as the header Authorization: Bearer <token>.")
          .with("fr", "Envoyez votre jeton d'accès dans l'en-tête Authorization: Bearer <jeton>.")
          .with("nl", "Stuur uw toegangstoken in de header Authorization: Bearer <token>.");
  private static final LocalizedText UNAVAILABLE =
      LocalizedText.of(
              "en",
              "Sign-ins cannot be checked right now (the identity provider's keys are"
                  + " unreachable): try again in a minute.")
          .with(
              "fr",
              "Les connexions ne peuvent pas être vérifiées pour l'instant (les clés du"
                  + " fournisseur d'identité sont injoignables) : réessayez dans une minute.")
          .with(
              "nl",
              "Aanmeldingen kunnen nu niet worden gecontroleerd (de sleutels van de"
                  + " identiteitsprovider zijn onbereikbaar): probeer het over een minuut opnieuw.");

  private final TokenVerifier verifier;

  private BearerTokenFilter(TokenVerifier verifier) {
    this.verifier = verifier;
  }

  /**
   * A filter verifying tokens as configured. For a JWKS file, the file is read now; for a URL, the
   * keys are fetched now if the provider answers (a failure is logged, and retried at the first
   * token).
   *
   * @param settings the {@code polity.auth.*} token settings
   * @return the filter
   * @throws org.polity.jakarta.config.ConfigurationException when the JWKS file is not a key set
   */
  public static BearerTokenFilter create(Authentication.BearerTokens settings) {
    return new BearerTokenFilter(new TokenVerifier(settings));
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null) {
      return;
    }
    // The path is the client's: keep control characters out of the log line.
    String where =
        (request.getMethod() + " /" + request.getUriInfo().getPath())
            .replaceAll("[\\p{Cntrl}]", "?");
    if (!header.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)
        || header.substring(SCHEME.length() + 1).isBlank()) {
      LOG.info("Refused " + where + ": the Authorization header is not a bearer token.");
      request.abortWith(
          unauthorized("invalid_request", "Send a bearer token", NOT_BEARER, request));
      return;
    }
    String token = header.substring(SCHEME.length() + 1).strip();
    TokenVerifier.Outcome outcome = verifier.verify(token);
    if (outcome instanceof TokenVerifier.Valid valid) {
      boolean secure =
          request.getSecurityContext() != null && request.getSecurityContext().isSecure();
      request.setSecurityContext(new SignedIn(valid.principal(), valid.roles(), secure, SCHEME));
    } else if (outcome instanceof TokenVerifier.Rejected rejected) {
      LOG.log(
          rejected.expired() ? Level.FINE : Level.INFO,
          "Refused the access token of " + where + ": " + rejected.reason());
      request.abortWith(
          rejected.expired()
              ? unauthorized("invalid_token", "The access token expired", EXPIRED, request)
              : unauthorized("invalid_token", "The access token is not valid", INVALID, request));
    } else if (outcome instanceof TokenVerifier.Unavailable unavailable) {
      LOG.warning("Cannot verify the access token of " + where + ": " + unavailable.reason());
      Locale language = language(request);
      Response problem =
          new ProblemException(
                  new Problem(
                      Problem.TYPE_BASE + "sign-in-unavailable",
                      org.polity.jakarta.problem.ProblemMappers.title(
                          "sign-in-unavailable", 503, language),
                      503,
                      UNAVAILABLE.in(language),
                      List.of()),
                  null,
                  language)
              .toResponse();
      request.abortWith(
          Response.fromResponse(problem)
              .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
              .build());
    }
  }

  private static Response unauthorized(
      String error, String description, LocalizedText detail, ContainerRequestContext request) {
    Locale language = language(request);
    Response problem =
        new ProblemException(
                new Problem(
                    Problem.TYPE_BASE + error.replace('_', '-'),
                    org.polity.jakarta.problem.ProblemMappers.title(
                        error.replace('_', '-'), 401, language),
                    401,
                    detail.in(language),
                    List.of()),
                null,
                language)
            .toResponse();
    return Response.fromResponse(problem)
        .header(
            HttpHeaders.WWW_AUTHENTICATE,
            SCHEME
                + " realm=\""
                + REALM
                + "\", error=\""
                + error
                + "\", error_description=\""
                + description
                + "\"")
        .build();
  }

  private static Locale language(ContainerRequestContext request) {
    try {
      return org.polity.common.Texts.language(request.getAcceptableLanguages());
    } catch (RuntimeException malformed) {
      return Locale.ENGLISH;
    }
  }
}
